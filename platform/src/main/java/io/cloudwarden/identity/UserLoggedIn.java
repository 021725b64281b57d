package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A user logged in with a password and received an access token. */
public record UserLoggedIn(TenantId tenantId, UUID userId, String username, String sourceIp, Instant occurredAt) implements AuditableEvent {

    @Override
    public String actor() {
        return "user:" + userId;
    }

    @Override
    public String target() {
        return "user:" + userId;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("username", username);
    }

    @Override
    public String action() {
        return "identity.login.succeeded";
    }
}
