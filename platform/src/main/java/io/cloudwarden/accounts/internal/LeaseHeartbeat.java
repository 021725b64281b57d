package io.cloudwarden.accounts.internal;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps a node's lease on an account alive while its sync runs, renewing it every third of the lease in its
 * own statement (outside the sync's transaction, so other nodes see it at once). If the lease turns out to
 * belong to another node, {@link #lost()} becomes true and the sync must give up.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final JdbcClient jdbc;
    private final TenantId tenant;
    private final UUID accountId;
    private final String node;
    private final Duration lease;
    private final ScheduledFuture<?> task;
    private volatile boolean lost;

    LeaseHeartbeat(JdbcClient jdbc, ScheduledExecutorService timer, TenantId tenant, UUID accountId, String node, Duration lease) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.accountId = accountId;
        this.node = node;
        this.lease = lease;
        long period = Math.max(100, lease.toMillis() / 3);
        this.task = timer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether another node holds the lease now. */
    boolean lost() {
        return lost;
    }

    private void renew() {
        try {
            int renewed = TenantContext.callAs(tenant, () -> jdbc.sql("""
                            update cloud_accounts set lease_until = now() + make_interval(secs => ?)
                            where id = ? and lease_owner = ?""")
                    .params(lease.toMillis() / 1000.0, accountId, node).update());
            if (renewed == 0) {
                lost = true;
                log.warn("Node {} lost its lease on account {}; its sync will stop", node, accountId);
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease on account {}: {}", accountId, e.getMessage());
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
