package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A user confirmed their email address by the emailed link.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record EmailVerified(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public EmailVerified {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.user.email-verified";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
