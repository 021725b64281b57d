package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A user asked for just-in-time elevation to a role. */
public record JitRequested(TenantId tenantId, UUID requestId, UUID userId, String role, int durationMinutes, String reason, String actor, String sourceIp,
                    Instant occurredAt) implements JitEvent {

    @Override
    public String action() {
        return "identity.jit.requested";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = baseDetails();
        d.put("durationMinutes", durationMinutes); d.put("reason", reason);
        return d;
    }
}
