package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A just-in-time grant reached its end and was marked expired (actor {@code system}). */
public record JitGrantExpired(TenantId tenantId, UUID requestId, UUID userId, String role, Instant expiresAt, String actor, String sourceIp,
                    Instant occurredAt) implements JitEvent {

    @Override
    public String action() {
        return "identity.jit.expired";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = baseDetails();
        d.put("expiresAt", expiresAt.toString());
        return d;
    }
}
