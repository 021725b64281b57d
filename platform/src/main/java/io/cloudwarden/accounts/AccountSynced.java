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
        return "accounts.sync." + status.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Outcome outcome() {
        return "SUCCEEDED".equals(status) ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    @Override
    public String target() {
        return "account:" + accountId;
    }

    @Override
    public java.util.Map<String, Object> details() {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("syncRun", syncRunId.toString());
        details.put("resources", resources);
        if (errorCode != null) {
            details.put("errorCode", errorCode);
        }
        return details;
    }
}
