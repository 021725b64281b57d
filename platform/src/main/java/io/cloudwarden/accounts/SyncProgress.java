package io.cloudwarden.accounts;

import io.cloudwarden.shared.TenantId;
import java.util.UUID;

/**
 * A running sync has collected {@code resourcesCollected} resources from its connector so far. Published a
 * few times a second at most while a sync runs, for live views; not tied to a transaction.
 */
public record SyncProgress(TenantId tenantId, UUID accountId, UUID syncRunId, long resourcesCollected) {
}
