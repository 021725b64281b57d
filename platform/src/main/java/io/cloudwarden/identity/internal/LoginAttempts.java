package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.AccountLocked;
import io.cloudwarden.identity.LoginFailed;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins and locks progressively: after {@value #THRESHOLD} consecutive failures the account
 * locks for 1 minute, each further lock doubles (2, 4, 8 ... at most 60 minutes); a successful login resets
 * both. Every failure is audited in its own committed transaction, although the login request itself fails.
 */
@Component
class LoginAttempts {

    static final int THRESHOLD = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(60);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTx;
    private final Clock clock = Clock.systemUTC();

    LoginAttempts(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The lock duration after the {@code lockCount}-th lock (1-based). */
    static Duration lockDuration(int lockCount) {
        int exponent = Math.min(Math.max(lockCount - 1, 0), 6);
        Duration d = Duration.ofMinutes(1L << exponent);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    /**
     * Records a failure that counts towards the lock (wrong password or second factor) and audits it;
     * returns the lock's end when this failure locked the account.
     */
    Optional<Instant> countFailure(TenantId tenant, UUID userId, String username, String reason, String ip) {
        return TenantContext.callAs(tenant, () -> newTx.execute(status -> {
            int failures = jdbc.sql("update users set failed_logins = failed_logins + 1 where id = ? returning failed_logins")
                    .param(userId).query(Integer.class).single();
            Instant now = clock.instant();
            events.publishEvent(new LoginFailed(tenant, "user:" + userId, "user:" + userId, ip, now,
                    Map.of("username", username, "reason", reason)));
            if (failures < THRESHOLD) {
                return Optional.<Instant>empty();
            }
            int locks = jdbc.sql("select lock_count + 1 from users where id = ?").param(userId).query(Integer.class).single();
            Instant until = now.plus(lockDuration(locks));
            jdbc.sql("update users set failed_logins = 0, lock_count = ?, locked_until = ? where id = ?")
                    .params(locks, Timestamp.from(until), userId).update();
            events.publishEvent(new AccountLocked(tenant, "system", "user:" + userId, ip, now,
                    Map.of("username", username, "lockedUntil", until.toString(), "lockNumber", locks,
                            "minutes", lockDuration(locks).toMinutes())));
            return Optional.of(until);
        }));
    }

    /** Audits a failure that does not count towards the lock (locked, disabled, unverified). */
    void audit(TenantId tenant, UUID userId, String username, String reason, String ip) {
        TenantContext.runAs(tenant, () -> newTx.executeWithoutResult(status -> events.publishEvent(
                new LoginFailed(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(),
                        Map.of("username", username, "reason", reason)))));
    }

    /** Resets the counters after a successful login (call inside the login's transaction, tenant bound). */
    void reset(UUID userId) {
        jdbc.sql("update users set failed_logins = 0, lock_count = 0, locked_until = null, last_login_at = now() where id = ?")
                .param(userId).update();
    }
}
