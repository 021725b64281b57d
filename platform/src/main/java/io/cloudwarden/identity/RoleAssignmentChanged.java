package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's roles changed (by an administrator, or by an access review revoking a line). Published inside the
 * transaction that changed them.
 *
 * @param reason {@code admin} for a change through the users API, {@code access-review:<id>} for a review revocation
 */
public record RoleAssignmentChanged(TenantId tenantId, UUID userId, List<String> before, List<String> after, String reason,
                                    String actor, String sourceIp, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.user.roles-changed";
    }

    @Override
    public String target() {
        return "user:" + userId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        details.put("added", after.stream().filter(r -> !before.contains(r)).toList());
        details.put("removed", before.stream().filter(r -> !after.contains(r)).toList());
        details.put("reason", reason);
        return details;
    }
}
