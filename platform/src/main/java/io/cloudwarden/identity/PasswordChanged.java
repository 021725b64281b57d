package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A user's password was changed (reset link, own change, or invitation acceptance).
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record PasswordChanged(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public PasswordChanged {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.password.changed";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
