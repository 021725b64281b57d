package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A login attempt for a known user failed (wrong password or second factor, locked, disabled).
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record LoginFailed(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public LoginFailed {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.login.failed";
    }

    @Override
    public Outcome outcome() {
        return Outcome.FAILURE;
    }
}
