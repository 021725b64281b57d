package io.cloudwarden.cost.allocation;

import java.time.Instant;
import java.util.UUID;

/**
 * A re-allocation job: re-applies the current rules to every month of stored cost rows, one transaction per month.
 *
 * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
 */
public record Reallocation(UUID id, String status, int monthsTotal, int monthsDone, long rowsUpdated, String error,
                           String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
