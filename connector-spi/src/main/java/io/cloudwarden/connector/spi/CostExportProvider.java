package io.cloudwarden.connector.spi;

import java.util.List;

/**
 * Cost data of one account, as the provider delivers it: export <em>files</em> (AWS CUR 2.0 or FOCUS objects in
 * S3, Azure cost exports in Blob storage, GCP billing exports), never rows. The platform lists the files, skips
 * those whose fingerprint it has already ingested, opens the rest and parses them with the parser for their
 * {@link CostExportFile#format() format}. Listing is cheap: it must not read file contents.
 */
public interface CostExportProvider {

    /**
     * The export files matching {@code request}, ordered by billing period, then key. Files whose fingerprint
     * equals the one in {@link CostExportRequest#seenFingerprints()} for their key are left out.
     *
     * @throws ConnectorException when the export location cannot be read
     */
    List<CostExportFile> listExports(CostExportRequest request);
}
