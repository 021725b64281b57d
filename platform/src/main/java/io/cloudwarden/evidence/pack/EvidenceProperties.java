package io.cloudwarden.evidence.pack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code cloudwarden.evidence.*}: limits of evidence uploads, packs and reports.
 *
 * @param maxUploadSize     largest evidence file accepted by {@code POST /api/v1/evidence/items/upload}
 * @param maxPackItems      most items one evidence pack may hold
 * @param maxPackSize       largest total of evidence file sizes in one pack (packs are built in memory)
 * @param reportScanEntries most audit log entries a report reads to count actions by outcome
 * @param retention         how long evidence items are kept after they were collected (7 years by default; a
 *                          tenant may choose its own); older ones are deleted, and each deletion is audited
 */
@ConfigurationProperties("cloudwarden.evidence")
public record EvidenceProperties(DataSize maxUploadSize, Integer maxPackItems, DataSize maxPackSize,
                                 Integer reportScanEntries, java.time.Duration retention) {

    public EvidenceProperties {
        retention = retention == null ? java.time.Duration.ofDays(2557) : retention;
        if (retention.toDays() < 1) {
            throw new IllegalArgumentException("cloudwarden.evidence.retention must be at least a day");
        }
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(25) : maxUploadSize;
        maxPackItems = maxPackItems == null ? 1000 : maxPackItems;
        maxPackSize = maxPackSize == null ? DataSize.ofMegabytes(200) : maxPackSize;
        reportScanEntries = reportScanEntries == null ? 10_000 : reportScanEntries;
        if (maxUploadSize.toBytes() < 1 || maxPackItems < 1 || maxPackSize.toBytes() < 1 || reportScanEntries < 0) {
            throw new IllegalArgumentException("cloudwarden.evidence limits must be positive");
        }
    }
}
