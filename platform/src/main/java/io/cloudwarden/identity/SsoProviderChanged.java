package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An SSO provider was created, changed or deleted. Never carries the client secret, only whether it changed.
 *
 * @param change CREATED, UPDATED or DELETED
 */
public record SsoProviderChanged(TenantId tenantId, UUID providerId, String name, String change, boolean enabled,
                                 boolean secretChanged, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.sso.provider." + change.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String target() {
        return "sso-provider:" + providerId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name, "enabled", enabled, "secretChanged", secretChanged);
    }
}
