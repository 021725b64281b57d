package io.cloudwarden.identity.access;

import io.cloudwarden.identity.AccessReviewOverdue;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Flags open access reviews past their due date with undecided lines, once each, publishing AccessReviewOverdue. */
@Component
public class AccessReviewOverdueCheck {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessReviewOverdueCheck(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Flags what is overdue now; returns how many campaigns were flagged. */
    @Scheduled(fixedDelayString = "${cloudwarden.identity.access.overdue-check-interval:5m}", initialDelayString = "1m")
    public int check() {
        Instant now = clock.instant();
        Integer n = tx.execute(status -> {
            List<Overdue> overdue = jdbc.sql("select id, tenant_id, name, due_at, pending from cw_flag_overdue_access_reviews(?)")
                    .param(Timestamp.from(now))
                    .query((rs, i) -> new Overdue(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)),
                            rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getLong(5)))
                    .list();
            for (Overdue o : overdue) {
                TenantContext.runAs(o.tenant(), () -> events.publishEvent(
                        new AccessReviewOverdue(o.tenant(), o.id(), o.name(), o.dueAt(), o.pending(), "system", null, now)));
            }
            return overdue.size();
        });
        return n == null ? 0 : n;
    }

    private record Overdue(UUID id, TenantId tenant, String name, Instant dueAt, long pending) {
    }
}
