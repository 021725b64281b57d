package io.cloudwarden.identity.internal;

import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens handed out by mail (email verification, password reset) or between login steps (MFA),
 * stored only as SHA-256 hashes, each with an expiry.
 */
@Component
class UserTokens {

    enum Kind { VERIFY_EMAIL, PASSWORD_RESET, MFA_LOGIN, MFA_ENROLMENT }

    /** Whose token it is. */
    record Owner(TenantId tenant, UUID userId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    UserTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a token (tenant bound, caller's transaction) and returns its only plaintext copy. */
    String create(TenantId tenant, UUID userId, Kind kind, Duration ttl) {
        String token = OneTimeSecrets.newToken();
        jdbc.sql("insert into user_tokens (token_hash, kind, tenant_id, user_id, expires_at) values (?, ?, ?, ?, ?)")
                .params(OneTimeSecrets.hash(token), kind.name(), tenant.value(), userId, Timestamp.from(clock.instant().plus(ttl)))
                .update();
        return token;
    }

    /** The tenant of a token, looked up before any tenant is bound. */
    Optional<TenantId> tenantOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select cw_user_token_tenant(?)").param(OneTimeSecrets.hash(token)).query(UUID.class).optional().map(TenantId::new);
    }

    /** The owner of an unused, unexpired token of {@code kind}, locked for update (tenant bound, in a transaction). */
    Optional<Owner> find(String token, Kind kind) {
        return jdbc.sql("""
                        select tenant_id, user_id from user_tokens
                        where token_hash = ? and kind = ? and used_at is null and expires_at > now() for update""")
                .params(OneTimeSecrets.hash(token), kind.name())
                .query((rs, n) -> new Owner(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class))).optional();
    }

    /** Marks a token used. */
    void use(String token) {
        jdbc.sql("update user_tokens set used_at = now() where token_hash = ?").param(OneTimeSecrets.hash(token)).update();
    }

    /** Voids the user's other unused tokens of {@code kind} (e.g. older reset links). */
    void voidAll(UUID userId, Kind kind) {
        jdbc.sql("update user_tokens set used_at = now() where user_id = ? and kind = ? and used_at is null")
                .params(userId, kind.name()).update();
    }
}
