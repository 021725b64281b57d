package io.cloudwarden.accounts;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A sync run of an account started (published at once, not tied to a transaction; for live views). */
public record SyncStarted(TenantId tenantId, UUID accountId, String accountName, UUID syncRunId, Instant occurredAt) {
}
