package io.cloudwarden.identity.access;

import io.cloudwarden.identity.JitGrantExpired;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code cloudwarden.identity.access.expiry-sweep-interval} (30 s), marks approved grants past their end as
 * EXPIRED and publishes one {@link JitGrantExpired} per grant in the same transaction. Safe on several nodes: the
 * update claims each row once. Permission resolution does not wait for this sweep; it checks {@code expires_at}.
 */
@Component
@EnableScheduling
public class AccessGrantExpiry {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final PermissionResolver resolver;
    private final Clock clock;

    AccessGrantExpiry(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, PermissionResolver resolver,
                      ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.resolver = resolver;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Expires what is due now; returns how many grants ended. */
    @Scheduled(fixedDelayString = "${cloudwarden.identity.access.expiry-sweep-interval:30s}",
            initialDelayString = "${cloudwarden.identity.access.expiry-sweep-interval:30s}")
    public int sweep() {
        Instant now = clock.instant();
        Integer n = tx.execute(status -> {
            List<Expired> expired = jdbc.sql("select id, tenant_id, user_id, role, expires_at from cw_expire_access_grants(?)")
                    .param(Timestamp.from(now))
                    .query((rs, i) -> new Expired(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant()))
                    .list();
            for (Expired e : expired) {
                TenantContext.runAs(e.tenant(), () -> events.publishEvent(
                        new JitGrantExpired(e.tenant(), e.id(), e.user(), e.role(), e.expiresAt(), "system", null, now)));
            }
            return expired.size();
        });
        if (n != null && n > 0) {
            resolver.invalidateAll();
        }
        return n == null ? 0 : n;
    }

    private record Expired(UUID id, TenantId tenant, UUID user, String role, Instant expiresAt) {
    }
}
