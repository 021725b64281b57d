package io.cloudwarden.accounts;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An account was registered, updated or deleted. Published inside the transaction that made the change;
 * it carries no configuration values (secrets included), only which keys were set.
 */
public record AccountChanged(TenantId tenantId, UUID accountId, String name, Change change, String connector,
                             java.util.List<String> configKeys, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    /** What happened to the account. */
    public enum Change { REGISTERED, UPDATED, DELETED }

    @Override
    public String action() {
        return "accounts.account." + change.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String target() {
        return "account:" + accountId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("connector", connector);
        details.put("configKeys", configKeys);
        return details;
    }
}
