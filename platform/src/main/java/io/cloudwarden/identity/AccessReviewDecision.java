package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A reviewer certified or revoked one line (user, role) of an access review. */
public record AccessReviewDecision(TenantId tenantId, UUID reviewId, java.util.UUID itemId, java.util.UUID userId, String role, String decision, String comment, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.access-review.decided";
    }

    @Override
    public String target() {
        return "access-review:" + reviewId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("itemId", itemId.toString()); d.put("userId", userId.toString()); d.put("role", role); d.put("decision", decision); if (comment != null) { d.put("comment", comment); }
        return d;
    }
}
