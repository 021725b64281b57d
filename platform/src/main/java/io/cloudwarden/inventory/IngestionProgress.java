package io.cloudwarden.inventory;

/** Receives progress of an ingestion, for console progress lines and metrics. */
@FunctionalInterface
public interface IngestionProgress {

    IngestionProgress NONE = staged -> { };

    /** Called every few thousand resources with the number staged so far. */
    void staged(long resourcesSoFar);
}
