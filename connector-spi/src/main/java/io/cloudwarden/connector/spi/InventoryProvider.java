package io.cloudwarden.connector.spi;

/**
 * Resource discovery for one account. A call to {@link #collect} reports the complete current inventory
 * of the account: resources the platform knew that are not reported are taken as deleted. If collection
 * fails part way, the provider throws and the platform discards everything reported in that run.
 */
public interface InventoryProvider {

    /**
     * Streams every resource of the account into {@code sink}.
     *
     * @throws ConnectorException when the cloud cannot be read; the whole run is then discarded
     */
    void collect(InventoryRequest request, ResourceSink sink);
}
