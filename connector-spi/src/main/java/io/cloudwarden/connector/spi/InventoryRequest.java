package io.cloudwarden.connector.spi;

import java.time.Instant;

/**
 * Parameters of one inventory collection.
 *
 * @param syncSequence 1 for an account's first sync, incremented for every later one. Real connectors
 *                     ignore it; the simulator uses it to evolve its estate deterministically.
 * @param asOf         the time the collection is taken for
 */
public record InventoryRequest(long syncSequence, Instant asOf) {
}
