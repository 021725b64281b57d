package io.cloudwarden.identity.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as the administration API shows it (never a password hash).
 *
 * @param status ACTIVE, INVITED, DEACTIVATED or LOCKED
 */
public record UserView(UUID id, String username, String email, String displayName, List<String> roles, String status,
                       boolean mfaEnabled, Instant lastLoginAt, Instant createdAt) {
}
