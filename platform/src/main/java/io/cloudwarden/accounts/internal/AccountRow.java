package io.cloudwarden.accounts.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A cloud_accounts row, including the sealed secrets blob (never leaves the module). */
record AccountRow(UUID id, UUID tenantId, String name, String connector, String provider, Map<String, String> config,
                  byte[] secrets, boolean enabled, long syncIntervalSeconds, Instant nextSyncAt, long syncSequence,
                  int consecutiveFailures, Instant leaseUntil, Instant createdAt, Instant updatedAt) {

    boolean syncRunning(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }
}
