package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An API key was created. Carries the key's non-secret prefix, never the secret.
 *
 * @param personal whether it is a user's personal key (otherwise a tenant service-account key)
 */
public record ApiKeyCreated(TenantId tenantId, UUID keyId, String name, String prefix, List<String> roles,
                            Instant expiresAt, boolean personal, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.api-key.created";
    }

    @Override
    public String target() {
        return "apikey:" + keyId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name, "prefix", prefix, "roles", roles, "expiresAt", expiresAt.toString(), "personal", personal);
    }
}
