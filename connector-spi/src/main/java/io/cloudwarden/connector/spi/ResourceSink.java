package io.cloudwarden.connector.spi;

/** Receives discovered resources. Implementations are not thread-safe unless they say so. */
@FunctionalInterface
public interface ResourceSink {

    /** Accepts one resource. May throw to abort the collection (e.g. when the sync is cancelled). */
    void accept(DiscoveredResource resource);
}
