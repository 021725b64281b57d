package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/** A tenant was renamed; recorded in the audit log of the tenant the caller acted in. */
public record TenantRenamed(TenantId tenantId, TenantId renamedId, String before, String after, String actor, String sourceIp,
                            Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.tenant.renamed";
    }

    @Override
    public String target() {
        return "tenant:" + renamedId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("before", before, "after", after);
    }
}
