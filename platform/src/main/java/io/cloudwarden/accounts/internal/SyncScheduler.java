package io.cloudwarden.accounts.internal;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls for accounts whose next sync is due and leases them to this node (see cw_claim_due_accounts: one
 * node per account at a time, across any number of replicas), up to {@code concurrency} syncs at once.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(AccountsProperties.class)
class SyncScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final JdbcClient jdbc;
    private final SyncWorker worker;
    private final AccountsProperties props;
    private final ExecutorService executor;
    private final AtomicInteger running = new AtomicInteger();
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    SyncScheduler(JdbcClient jdbc, SyncWorker worker, AccountsProperties props) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.props = props;
        this.executor = Executors.newFixedThreadPool(props.concurrency(), r -> {
            Thread t = new Thread(r, "cloudwarden-sync");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${cloudwarden.accounts.poll-interval:2s}", initialDelayString = "${cloudwarden.accounts.poll-interval:2s}")
    void poll() {
        if (!props.schedulerEnabled()) {
            return;
        }
        int free = props.concurrency() - running.get();
        if (free <= 0) {
            return;
        }
        List<Claim> claims = jdbc.sql("select account_id, tenant_id from cw_claim_due_accounts(?, ?, ?)")
                .params(node, free, (int) props.lease().toSeconds())
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        for (Claim c : claims) {
            running.incrementAndGet();
            executor.execute(() -> {
                try {
                    worker.sync(c.tenantId(), c.accountId(), node);
                } catch (RuntimeException e) {
                    log.error("Sync of account {} could not run", c.accountId(), e);
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    /** Syncs in progress on this node. */
    int running() {
        return running.get();
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private record Claim(UUID accountId, UUID tenantId) {
    }
}
