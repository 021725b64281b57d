package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A spent refresh token was presented again, so its whole session was revoked.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record TokenFamilyRevoked(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public TokenFamilyRevoked {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.session.family-revoked";
    }

    @Override
    public Outcome outcome() {
        return Outcome.DENIED;
    }
}
