package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * Someone signed up to a tenant that allows self sign-up.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record UserSignedUp(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public UserSignedUp {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.user.signed-up";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
