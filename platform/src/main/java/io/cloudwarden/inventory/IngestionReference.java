package io.cloudwarden.inventory;

import io.cloudwarden.connector.spi.ResourceSink;
import java.util.function.Consumer;

/**
 * The physical reference of ingestion for benchmarks: streams a snapshot through exactly the encoding and
 * {@code COPY} that {@link InventoryIngestion} uses, into an unindexed temporary table, and then discards it.
 * The ratio of an ingestion to this reference shows what the merge, versions and indexes cost.
 */
public interface IngestionReference {

    /**
     * Copies the snapshot into a temporary table and rolls back. Must be called with the tenant bound.
     *
     * @return the number of rows copied
     */
    long copyOnly(IngestionRequest request, Consumer<ResourceSink> collector);
}
