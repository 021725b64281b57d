package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A session ended by logout, by its owner, or by deactivation.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record SessionRevoked(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public SessionRevoked {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.session.revoked";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
