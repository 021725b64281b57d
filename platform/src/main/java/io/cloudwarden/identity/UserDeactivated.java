package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * An administrator deactivated a user; their sessions were revoked.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record UserDeactivated(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public UserDeactivated {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.user.deactivated";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
