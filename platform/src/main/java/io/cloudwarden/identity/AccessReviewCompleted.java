package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An access review was completed; its report was kept and recorded as evidence. */
public record AccessReviewCompleted(TenantId tenantId, UUID reviewId, String name, int certified, int revoked, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.access-review.completed";
    }

    @Override
    public String target() {
        return "access-review:" + reviewId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name); d.put("certified", certified); d.put("revoked", revoked);
        return d;
    }
}
