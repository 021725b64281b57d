package io.cloudwarden.identity.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A just-in-time request and, once approved, its grant.
 *
 * @param status    PENDING, APPROVED, DENIED, EXPIRED or REVOKED
 * @param active    whether the grant is in force now (APPROVED and not yet past {@code expiresAt})
 * @param expiresAt when an approved grant ends (approval time plus the duration)
 */
public record AccessRequestView(UUID id, UUID userId, String username, String role, int durationMinutes, String reason,
                                String status, boolean active, Instant createdAt, String decidedBy, Instant decidedAt,
                                String decisionComment, Instant expiresAt, String revokedBy, Instant revokedAt) {
}
