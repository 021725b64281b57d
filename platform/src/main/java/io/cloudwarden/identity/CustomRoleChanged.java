package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tenant's custom role was defined, changed or deleted. */
public record CustomRoleChanged(TenantId tenantId, String roleKey, Change change, List<String> permissions, String actor,
                                String sourceIp, Instant occurredAt) implements AuditableEvent {

    /** What happened to the role. */
    public enum Change { CREATED, UPDATED, DELETED }

    @Override
    public String action() {
        return "identity.role." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String target() {
        return "role:" + roleKey;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("permissions", permissions);
        return details;
    }
}
