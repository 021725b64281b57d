package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * An administrator lifted a user's login lock.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record AccountUnlocked(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public AccountUnlocked {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.account.unlocked";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
