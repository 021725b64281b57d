package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An access review campaign started with a snapshot of {@code items} user-role lines. */
public record AccessReviewStarted(TenantId tenantId, UUID reviewId, String name, java.time.Instant dueAt, int items, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.access-review.started";
    }

    @Override
    public String target() {
        return "access-review:" + reviewId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name); d.put("dueAt", dueAt.toString()); d.put("items", items);
        return d;
    }
}
