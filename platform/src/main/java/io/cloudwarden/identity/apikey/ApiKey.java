package io.cloudwarden.identity.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as listed: never its secret. */
public record ApiKey(UUID id, String name, List<String> roles, String prefix, Instant createdAt, Instant expiresAt,
                     Instant lastUsedAt, Instant revokedAt, String createdBy, UUID ownerUserId) {
}
