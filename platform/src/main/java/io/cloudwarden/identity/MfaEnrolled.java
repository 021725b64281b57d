package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A user confirmed a TOTP authenticator and received recovery codes.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record MfaEnrolled(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public MfaEnrolled {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.mfa.enrolled";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
