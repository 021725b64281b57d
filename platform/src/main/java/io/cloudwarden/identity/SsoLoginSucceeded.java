package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user signed in through an SSO provider.
 *
 * @param roles     the user's roles after the provider's mappings were applied
 * @param firstLogin whether this login provisioned the user
 */
public record SsoLoginSucceeded(TenantId tenantId, UUID userId, String username, UUID providerId, String providerName,
                                List<String> roles, boolean firstLogin, String sourceIp, Instant occurredAt)
        implements AuditableEvent {

    @Override
    public String actor() {
        return "user:" + userId;
    }

    @Override
    public String action() {
        return "identity.sso.login.succeeded";
    }

    @Override
    public String target() {
        return "user:" + userId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("username", username, "provider", providerId.toString(), "providerName", providerName,
                "roles", roles, "firstLogin", firstLogin);
    }
}
