package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A pending request was withdrawn or an active grant was revoked early. */
public record JitRevoked(TenantId tenantId, UUID requestId, UUID userId, String role, String previousStatus, String actor, String sourceIp,
                    Instant occurredAt) implements JitEvent {

    @Override
    public String action() {
        return "identity.jit.revoked";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = baseDetails();
        d.put("previousStatus", previousStatus);
        return d;
    }
}
