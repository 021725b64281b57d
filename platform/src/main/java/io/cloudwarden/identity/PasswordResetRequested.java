package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A password reset link was emailed to a known user.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record PasswordResetRequested(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public PasswordResetRequested {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.password.reset-requested";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
