package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.SessionRevoked;
import io.cloudwarden.identity.TokenFamilyRevoked;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions: each login starts a family of opaque refresh tokens (256-bit, stored as SHA-256) that rotate on
 * every use. Presenting a spent token again revokes the whole family. Revoking a session denylists its
 * access tokens until they expire.
 */
@Service
public class SessionService {

    private final JdbcClient jdbc;
    private final TokenIssuer tokens;
    private final SessionDenylist denylist;
    private final IdentityProperties props;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    SessionService(JdbcClient jdbc, TokenIssuer tokens, SessionDenylist denylist, IdentityProperties props,
                   ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.denylist = denylist;
        this.props = props;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** An access token, its refresh token and the access token's lifetime in seconds. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId) {
    }

    /** A session as its owner sees it. */
    public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, String ip, String userAgent, boolean current) {
    }

    /**
     * Starts a session for a user of {@code tenant} and issues its first tokens. Runs in the caller's
     * transaction if there is one; the tenant must be bound.
     */
    public TokenPair start(TenantId tenant, UUID userId, String ip, String userAgent) {
        int minutes = jdbc.sql("select session_lifetime_minutes from tenant_settings where tenant_id = ?")
                .param(tenant.value()).query(Integer.class).optional().orElse(720);
        UUID sessionId = UUID.randomUUID();
        jdbc.sql("insert into sessions (id, tenant_id, user_id, expires_at, ip, user_agent) values (?, ?, ?, ?, ?, ?)")
                .params(sessionId, tenant.value(), userId, Timestamp.from(clock.instant().plus(Duration.ofMinutes(minutes))),
                        ip, truncate(userAgent)).update();
        return issue(tenant, userId, sessionId);
    }

    /** Exchanges a refresh token for new tokens; reuse of a spent one revokes its session. */
    public TokenPair refresh(String refreshToken, String ip, String userAgent) {
        byte[] hash = OneTimeSecrets.hash(refreshToken);
        UUID tenantId = jdbc.sql("select cw_refresh_token_tenant(?)").param(hash).query(UUID.class).optional().orElse(null);
        if (tenantId == null) {
            throw invalid();
        }
        TenantId tenant = new TenantId(tenantId);
        Object outcome = TenantContext.callAs(tenant, () -> tx.execute(status -> {
            record Row(UUID sessionId, Instant spentAt) {
            }
            Row row = jdbc.sql("select session_id, spent_at from refresh_tokens where token_hash = ? for update")
                    .param(hash).query((rs, n) -> new Row(rs.getObject(1, UUID.class),
                            rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant())).single();
            record Session(UUID userId, boolean live, boolean enabled) {
            }
            Session s = jdbc.sql("""
                            select s.user_id, s.revoked_at is null and s.expires_at > now(), u.enabled
                            from sessions s join users u on u.id = s.user_id where s.id = ? for update of s""")
                    .param(row.sessionId()).query((rs, n) -> new Session(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3)))
                    .single();
            if (row.spentAt() != null) {
                if (s.live()) {
                    revokeInTx(tenant, row.sessionId(), "refresh token reused");
                    events.publishEvent(new TokenFamilyRevoked(tenant, "user:" + s.userId(), "session:" + row.sessionId(), ip,
                            clock.instant(), Map.of("sessionId", row.sessionId().toString(), "spentAt", row.spentAt().toString())));
                }
                return IdentityErrorCode.REFRESH_TOKEN_REUSED;
            }
            if (!s.live() || !s.enabled()) {
                return IdentityErrorCode.REFRESH_TOKEN_INVALID;
            }
            jdbc.sql("update refresh_tokens set spent_at = now() where token_hash = ?").param(hash).update();
            jdbc.sql("update sessions set last_used_at = now(), ip = ?, user_agent = ? where id = ?")
                    .params(ip, truncate(userAgent), row.sessionId()).update();
            return issue(tenant, s.userId(), row.sessionId());
        }));
        if (outcome == IdentityErrorCode.REFRESH_TOKEN_REUSED) {
            throw new CloudwardenException(IdentityErrorCode.REFRESH_TOKEN_REUSED,
                    "this refresh token was already used; its session has been ended for safety, please log in again");
        }
        if (outcome instanceof IdentityErrorCode) {
            throw invalid();
        }
        return (TokenPair) outcome;
    }

    /** Ends the session of {@code refreshToken} (unknown or spent tokens are ignored). */
    public void logout(String refreshToken, String ip) {
        byte[] hash = OneTimeSecrets.hash(refreshToken);
        UUID tenantId = jdbc.sql("select cw_refresh_token_tenant(?)").param(hash).query(UUID.class).optional().orElse(null);
        if (tenantId == null) {
            return;
        }
        TenantId tenant = new TenantId(tenantId);
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(status -> {
            var found = jdbc.sql("""
                            select s.id, s.user_id from refresh_tokens r join sessions s on s.id = r.session_id
                            where r.token_hash = ? and s.revoked_at is null for update of s""")
                    .param(hash).query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
            found.ifPresent(ids -> {
                revokeInTx(tenant, ids[0], "logout");
                events.publishEvent(new SessionRevoked(tenant, "user:" + ids[1], "session:" + ids[0], ip, clock.instant(),
                        Map.of("reason", "logout")));
            });
        }));
    }

    /** The live sessions of a user of the bound tenant, newest first. */
    public List<SessionView> list(UUID userId, UUID currentSessionId) {
        return jdbc.sql("""
                        select id, created_at, last_used_at, ip, user_agent from sessions
                        where user_id = ? and revoked_at is null and expires_at > now() order by created_at desc""")
                .param(userId).query((rs, n) -> new SessionView(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getObject(1, UUID.class).equals(currentSessionId)))
                .list();
    }

    /** Revokes one of the user's own sessions; 404 for sessions that are not theirs. */
    public void revokeOwn(TenantId tenant, UUID userId, UUID sessionId, String ip) {
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(status -> {
            int n = jdbc.sql("select count(*) from sessions where id = ? and user_id = ? and revoked_at is null")
                    .params(sessionId, userId).query(Integer.class).single();
            if (n == 0) {
                throw CloudwardenException.notFound("session", sessionId);
            }
            revokeInTx(tenant, sessionId, "revoked by its user");
            events.publishEvent(new SessionRevoked(tenant, "user:" + userId, "session:" + sessionId, ip, clock.instant(),
                    Map.of("reason", "revoked by its user")));
        }));
    }

    /** Revokes every live session of a user, in the caller's transaction (tenant bound); returns how many. */
    public int revokeAll(TenantId tenant, UUID userId, String reason) {
        List<UUID> ids = jdbc.sql("select id from sessions where user_id = ? and revoked_at is null for update")
                .param(userId).query(UUID.class).list();
        ids.forEach(id -> revokeInTx(tenant, id, reason));
        return ids.size();
    }

    private void revokeInTx(TenantId tenant, UUID sessionId, String reason) {
        Instant until = clock.instant().plus(props.accessTokenTtl()).plusSeconds(60);
        jdbc.sql("update sessions set revoked_at = now(), revoke_reason = ? where id = ?").params(reason, sessionId).update();
        jdbc.sql("insert into revoked_sessions (session_id, expires_at) values (?, ?) on conflict do nothing")
                .params(sessionId, Timestamp.from(until)).update();
        denylist.add(sessionId, until);
    }

    private TokenPair issue(TenantId tenant, UUID userId, UUID sessionId) {
        record User(String username, List<String> roles) {
        }
        User u = jdbc.sql("select username, roles from users where id = ?").param(userId)
                .query((rs, n) -> new User(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()))).single();
        String refresh = OneTimeSecrets.newToken();
        jdbc.sql("insert into refresh_tokens (token_hash, tenant_id, session_id) values (?, ?, ?)")
                .params(OneTimeSecrets.hash(refresh), tenant.value(), sessionId).update();
        TokenIssuer.IssuedToken access = tokens.issue(userId, u.username(), tenant, u.roles(), sessionId, Map.of());
        return new TokenPair(access.token(), refresh, access.expiresInSeconds(), sessionId);
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static CloudwardenException invalid() {
        return new CloudwardenException(IdentityErrorCode.REFRESH_TOKEN_INVALID, "the refresh token is invalid or its session has ended; please log in again");
    }
}
