package io.cloudwarden.inventory;

/**
 * Counts of one snapshot ingestion.
 *
 * @param seen          resources reported by the connector
 * @param created       new resources (version 1)
 * @param modified      resources whose configuration, tags, name, region or state changed (new version)
 * @param deleted       resources no longer reported, now marked deleted
 * @param unchanged     resources reported exactly as before (no new version)
 * @param relationships edges stored for the account after the merge
 * @param millis        wall time of the ingestion
 */
public record IngestionResult(long seen, long created, long modified, long deleted, long unchanged,
                              long relationships, long millis) {
}
