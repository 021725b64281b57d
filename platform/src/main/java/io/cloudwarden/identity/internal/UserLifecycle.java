package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.AccountUnlocked;
import io.cloudwarden.identity.UserDeactivated;
import io.cloudwarden.identity.UserReactivated;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deactivation (no login, no refresh, sessions revoked), reactivation and unlocking, in the bound tenant. */
@Service
public class UserLifecycle {

    private final JdbcClient jdbc;
    private final SessionService sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    UserLifecycle(JdbcClient jdbc, SessionService sessions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
    }

    @Transactional
    public void deactivate(UUID userId, String actor, String ip) {
        TenantId tenant = TenantContext.require();
        if (actor.equals("user:" + userId)) {
            throw new CloudwardenException(CommonErrorCode.CONFLICT, "you cannot deactivate yourself");
        }
        String username = username(userId);
        jdbc.sql("update users set enabled = false, deactivated_at = now() where id = ?").param(userId).update();
        int ended = sessions.revokeAll(tenant, userId, "user deactivated");
        events.publishEvent(new UserDeactivated(tenant, actor, "user:" + userId, ip, clock.instant(),
                Map.of("username", username, "sessionsEnded", ended)));
    }

    @Transactional
    public void reactivate(UUID userId, String actor, String ip) {
        TenantId tenant = TenantContext.require();
        String username = username(userId);
        jdbc.sql("update users set enabled = true, deactivated_at = null, failed_logins = 0, locked_until = null where id = ?")
                .param(userId).update();
        events.publishEvent(new UserReactivated(tenant, actor, "user:" + userId, ip, clock.instant(), Map.of("username", username)));
    }

    @Transactional
    public void unlock(UUID userId, String actor, String ip) {
        TenantId tenant = TenantContext.require();
        String username = username(userId);
        jdbc.sql("update users set failed_logins = 0, lock_count = 0, locked_until = null where id = ?").param(userId).update();
        events.publishEvent(new AccountUnlocked(tenant, actor, "user:" + userId, ip, clock.instant(), Map.of("username", username)));
    }

    private String username(UUID userId) {
        return jdbc.sql("select username from users where id = ? for update").param(userId).query(String.class).optional()
                .orElseThrow(() -> CloudwardenException.notFound("user", userId));
    }
}
