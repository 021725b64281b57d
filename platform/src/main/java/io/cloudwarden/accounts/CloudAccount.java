package io.cloudwarden.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registered cloud account as the API shows it. Secret values are never included: {@code secretsSet}
 * only names the secret fields that have a value.
 */
public record CloudAccount(UUID id, String name, String connector, String provider, Map<String, String> config,
                           List<String> secretsSet, boolean enabled, long syncIntervalSeconds, Instant nextSyncAt,
                           boolean syncRunning, int consecutiveFailures, SyncRun lastSync, Instant createdAt,
                           Instant updatedAt) {
}
