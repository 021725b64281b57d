package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/** A tenant's settings changed; {@code before} and {@code after} hold the settings (none of them secret). */
public record TenantSettingsChanged(TenantId tenantId, Map<String, Object> before, Map<String, Object> after, String actor,
                                    String sourceIp, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.tenant.settings-changed";
    }

    @Override
    public String target() {
        return "tenant:" + tenantId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("before", before, "after", after);
    }
}
