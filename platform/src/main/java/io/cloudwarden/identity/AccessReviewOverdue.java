package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An open access review passed its due date with undecided lines (actor {@code system}). */
public record AccessReviewOverdue(TenantId tenantId, UUID reviewId, String name, java.time.Instant dueAt, long pending, String actor, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.access-review.overdue";
    }

    @Override
    public String target() {
        return "access-review:" + reviewId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name); d.put("dueAt", dueAt.toString()); d.put("pending", pending);
        return d;
    }
}
