package io.cloudwarden.accounts;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A sync run of an account finished, successfully or not. */
public record AccountSynced(TenantId tenantId, UUID accountId, UUID syncRunId, String status, String errorCode,
                            long resources, Instant occurredAt) implements AuditableEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "accounts.sync." + status.toLowerCase();
    }
}
