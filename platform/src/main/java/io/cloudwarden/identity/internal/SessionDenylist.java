package io.cloudwarden.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sessions whose access tokens must be refused before they expire, kept in memory so verifying a token
 * costs no database round trip. A revocation on this node is visible here at once; one on another node
 * arrives with the next refresh from {@code revoked_sessions}, every
 * {@code cloudwarden.identity.denylist-refresh} (2 s by default) — that interval bounds how long a logged-out
 * session's access token may still be accepted by another node.
 */
@Component
public class SessionDenylist {

    private static final Logger log = LoggerFactory.getLogger(SessionDenylist.class);

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<UUID, Instant> revoked = new ConcurrentHashMap<>();

    SessionDenylist(JdbcClient jdbc) {
        this.jdbc = jdbc;
        refresh();
    }

    /** Whether access tokens of {@code sessionId} are refused. */
    public boolean isRevoked(UUID sessionId) {
        Instant until = revoked.get(sessionId);
        return until != null && until.isAfter(clock.instant());
    }

    /** Records a revocation here at once; the caller has inserted it into {@code revoked_sessions} in its transaction. */
    void add(UUID sessionId, Instant until) {
        revoked.put(sessionId, until);
    }

    /** Re-reads the table (and purges rows whose tokens have all expired). */
    @Scheduled(fixedDelayString = "${cloudwarden.identity.denylist-refresh:PT2S}")
    void refresh() {
        try {
            Map<UUID, Instant> fresh = new ConcurrentHashMap<>();
            jdbc.sql("select session_id, expires_at from revoked_sessions where expires_at > now()")
                    .query(rs -> {
                        fresh.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                    });
            Instant now = clock.instant();
            revoked.forEach((id, until) -> {
                if (until.isAfter(now)) {
                    fresh.putIfAbsent(id, until);
                }
            });
            revoked = fresh;
        } catch (RuntimeException e) {
            // keep the last known set: a database hiccup must not re-admit revoked sessions
            log.warn("Could not refresh the session denylist: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void purge() {
        jdbc.sql("delete from revoked_sessions where expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }
}
