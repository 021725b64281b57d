package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * Repeated failed logins locked a user out until {@code details.lockedUntil}.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record AccountLocked(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public AccountLocked {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.account.locked";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
