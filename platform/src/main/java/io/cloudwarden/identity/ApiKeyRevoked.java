package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An API key was revoked; requests with it are refused from now on. */
public record ApiKeyRevoked(TenantId tenantId, UUID keyId, String name, String prefix, String actor, String sourceIp,
                            Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.api-key.revoked";
    }

    @Override
    public String target() {
        return "apikey:" + keyId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name, "prefix", prefix);
    }
}
