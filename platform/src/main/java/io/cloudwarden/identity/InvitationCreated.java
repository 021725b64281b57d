package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * An administrator invited someone by email with a set of roles.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record InvitationCreated(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public InvitationCreated {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.invitation.created";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
