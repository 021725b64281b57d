package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An approver approved a just-in-time request; the grant is active until {@code expiresAt}. */
public record JitApproved(TenantId tenantId, UUID requestId, UUID userId, String role, Instant expiresAt, String comment, String actor, String sourceIp,
                    Instant occurredAt) implements JitEvent {

    @Override
    public String action() {
        return "identity.jit.approved";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = baseDetails();
        d.put("expiresAt", expiresAt.toString()); if (comment != null) { d.put("comment", comment); }
        return d;
    }
}
