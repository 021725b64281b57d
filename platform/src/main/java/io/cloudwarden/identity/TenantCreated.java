package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/** A child tenant was created; recorded in the parent's audit log. */
public record TenantCreated(TenantId tenantId, TenantId childId, String name, String kind, String actor, String sourceIp,
                            Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.tenant.created";
    }

    @Override
    public String target() {
        return "tenant:" + childId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name, "kind", kind);
    }
}
