package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A user turned off their second factor.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record MfaDisabled(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public MfaDisabled {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.mfa.disabled";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
