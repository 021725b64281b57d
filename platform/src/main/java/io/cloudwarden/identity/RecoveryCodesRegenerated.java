package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A user replaced their MFA recovery codes.
 *
 * @param details non-secret facts (usernames, roles, times), never tokens or passwords
 */
public record RecoveryCodesRegenerated(TenantId tenantId, String actor, String target, String sourceIp, Instant occurredAt,
                     Map<String, Object> details) implements AuditableEvent {

    public RecoveryCodesRegenerated {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.mfa.recovery-codes.regenerated";
    }

    @Override
    public Outcome outcome() {
        return Outcome.SUCCESS;
    }
}
