package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * An administrator reactivated a user.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record UserReactivated(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public UserReactivated {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.user.reactivated";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
