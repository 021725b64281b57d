package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A sign-in through an SSO provider was refused.
 *
 * @param reason the error code the user was sent back with, e.g. {@code SSO_TOKEN_INVALID}
 * @param email  the address the provider asserted, when it got that far; {@code null} otherwise
 */
public record SsoLoginFailed(TenantId tenantId, UUID providerId, String reason, String email, String sourceIp,
                             Instant occurredAt) implements AuditableEvent {

    @Override
    public String actor() {
        return "anonymous";
    }

    @Override
    public String action() {
        return "identity.sso.login.failed";
    }

    @Override
    public Outcome outcome() {
        return Outcome.FAILURE;
    }

    @Override
    public String target() {
        return "sso-provider:" + providerId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reason", reason);
        if (email != null) {
            d.put("email", email);
        }
        return d;
    }
}
