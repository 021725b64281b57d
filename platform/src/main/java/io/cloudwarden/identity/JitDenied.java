package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An approver denied a just-in-time request. */
public record JitDenied(TenantId tenantId, UUID requestId, UUID userId, String role, String comment, String actor, String sourceIp,
                    Instant occurredAt) implements JitEvent {

    @Override
    public String action() {
        return "identity.jit.denied";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = baseDetails();
        if (comment != null) { d.put("comment", comment); }
        return d;
    }
}
