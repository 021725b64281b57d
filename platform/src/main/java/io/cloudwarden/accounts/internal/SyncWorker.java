package io.cloudwarden.accounts.internal;

import io.cloudwarden.accounts.AccountSynced;
import io.cloudwarden.accounts.AccountsErrorCode;
import io.cloudwarden.accounts.SyncProgress;
import io.cloudwarden.accounts.SyncStarted;
import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.connector.spi.ConnectorException;
import io.cloudwarden.connector.spi.Capability;
import io.cloudwarden.connector.spi.InventoryRequest;
import io.cloudwarden.cost.CostExportSync;
import io.cloudwarden.inventory.IngestionRequest;
import io.cloudwarden.inventory.IngestionResult;
import io.cloudwarden.inventory.InventoryIngestion;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs one sync of one leased account: records a sync run, streams the connector's inventory into the
 * inventory module (one transaction: a failure leaves the previous inventory untouched), then records the
 * outcome and schedules the next sync, after the account's interval on success or after an exponential,
 * jittered, capped backoff on failure. The lease is released whatever happens.
 */
@Component
class SyncWorker {

    private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);

    private final JdbcClient jdbc;
    private final AccountRepository repo;
    private final AccountStore store;
    private final InventoryIngestion inventory;
    private final CostExportSync costs;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final RetryBackoff backoff;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cloudwarden-sync-lease");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock = Clock.systemUTC();

    SyncWorker(JdbcClient jdbc, AccountRepository repo, AccountStore store, InventoryIngestion inventory, CostExportSync costs,
               ApplicationEventPublisher events, MeterRegistry meters, AccountsProperties props) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.store = store;
        this.inventory = inventory;
        this.costs = costs;
        this.events = events;
        this.meters = meters;
        this.backoff = new RetryBackoff(props.retryBase(), props.retryCap(), props.retryJitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.lease = props.lease();
    }

    void sync(UUID tenantId, UUID accountId, String node) {
        TenantId tenant = new TenantId(tenantId);
        TenantContext.runAs(tenant, () -> repo.find(tenantId, accountId).ifPresent(row -> syncLeased(tenant, row, node)));
    }

    private void syncLeased(TenantId tenant, AccountRow row, String node) {
        Instant started = clock.instant();
        long sequence = row.syncSequence() + 1;
        boolean requested = jdbc.sql("select sync_requested from cloud_accounts where id = ?").param(row.id())
                .query(Boolean.class).optional().orElse(false);
        jdbc.sql("update cloud_accounts set sync_requested = false where id = ?").param(row.id()).update();
        String trigger = row.consecutiveFailures() > 0 ? "RETRY" : requested ? "MANUAL" : "SCHEDULED";
        jdbc.sql("""
                        update sync_runs set status = 'FAILED', finished_at = now(), error_code = ?,
                            error_message = 'the node running this sync stopped before it finished'
                        where tenant_id = ? and account_id = ? and status = 'RUNNING'""")
                .params(AccountsErrorCode.SYNC_INTERRUPTED.code(), tenant.value(), row.id()).update();
        UUID runId = UUID.randomUUID();
        jdbc.sql("""
                        insert into sync_runs (id, tenant_id, account_id, sequence, trigger, attempt, status, node, started_at)
                        values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)""")
                .params(runId, tenant.value(), row.id(), sequence, trigger, row.consecutiveFailures() + 1, node,
                        java.sql.Timestamp.from(started))
                .update();
        events.publishEvent(new SyncStarted(tenant, row.id(), row.name(), runId, started));
        Timer.Sample sample = Timer.start(meters);
        ProgressReporter progress = new ProgressReporter(tenant, row.id(), runId);
        try (Connector connector = store.open(row);
             LeaseHeartbeat heartbeat = new LeaseHeartbeat(jdbc, heartbeats, tenant, row.id(), node, lease)) {
            IngestionResult result = inventory.ingestSnapshot(
                    new IngestionRequest(tenant, row.id(), row.name(), CloudProvider.parse(row.provider()), runId, started, null),
                    sink -> connector.inventory().collect(new InventoryRequest(sequence, started), resource -> {
                        if (heartbeat.lost()) {
                            throw new LeaseLostException();
                        }
                        sink.accept(resource);
                        progress.collected();
                    }));
            syncCosts(tenant, row, connector);
            succeeded(tenant, row, runId, sequence, started, result);
            sample.stop(meters.timer("cloudwarden.sync.duration", "provider", row.provider(), "status", "SUCCEEDED"));
        } catch (LeaseLostException e) {
            jdbc.sql("""
                            update sync_runs set status = 'FAILED', finished_at = now(), error_code = ?, error_message = ?
                            where id = ?""")
                    .params(AccountsErrorCode.SYNC_LEASE_LOST.code(), "another node took over this account; nothing was written", runId)
                    .update();
            sample.stop(meters.timer("cloudwarden.sync.duration", "provider", row.provider(), "status", "FAILED"));
        } catch (ConnectorException e) {
            failed(tenant, row, runId, started, e.kind().code(), e.getMessage());
            sample.stop(meters.timer("cloudwarden.sync.duration", "provider", row.provider(), "status", "FAILED"));
        } catch (RuntimeException e) {
            log.error("Sync of account {} failed", row.id(), e);
            failed(tenant, row, runId, started, AccountsErrorCode.SYNC_INTERNAL_ERROR.code(),
                    "the sync failed with an internal error; the server log has the details");
            sample.stop(meters.timer("cloudwarden.sync.duration", "provider", row.provider(), "status", "FAILED"));
        }
    }

    /**
     * Takes in the connector's new and changed cost export files while this node still holds the account. A cost
     * failure does not fail the inventory sync: it is recorded on the cost import and logged.
     */
    private void syncCosts(TenantId tenant, AccountRow row, Connector connector) {
        if (!connector.capabilities().contains(Capability.COSTS)) {
            return;
        }
        try {
            CostExportSync.Result r = costs.sync(tenant, row.id(), row.name(), connector.costs());
            if (r.periodsImported() + r.periodsFailed() > 0) {
                log.info("Costs of account '{}': {} billing period(s) imported, {} unchanged, {} failed", row.name(),
                        r.periodsImported(), r.periodsUnchanged(), r.periodsFailed());
            }
        } catch (RuntimeException e) {
            log.warn("Cost exports of account '{}' could not be listed or imported: {}", row.name(), e.getMessage());
        }
    }

    /** Publishes {@link SyncProgress} at most every {@value #PROGRESS_INTERVAL_MS} ms while resources arrive. */
    private final class ProgressReporter {
        private static final long PROGRESS_INTERVAL_MS = 250;
        private final TenantId tenant;
        private final UUID accountId;
        private final UUID runId;
        private long collected;
        private long lastReport = System.nanoTime();

        ProgressReporter(TenantId tenant, UUID accountId, UUID runId) {
            this.tenant = tenant;
            this.accountId = accountId;
            this.runId = runId;
        }

        void collected() {
            collected++;
            if ((collected & 127) == 0 && System.nanoTime() - lastReport > PROGRESS_INTERVAL_MS * 1_000_000) {
                lastReport = System.nanoTime();
                events.publishEvent(new SyncProgress(tenant, accountId, runId, collected));
            }
        }
    }

    /** Thrown into the connector's stream when the lease was lost; the ingestion then rolls back. */
    private static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super("lease lost", null, false, false);
        }
    }

    @jakarta.annotation.PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    private void succeeded(TenantId tenant, AccountRow row, UUID runId, long sequence, Instant started, IngestionResult r) {
        long ms = Duration.between(started, clock.instant()).toMillis();
        jdbc.sql("""
                        update sync_runs set status = 'SUCCEEDED', finished_at = now(), duration_ms = ?, resources = ?,
                            created = ?, modified = ?, deleted = ?, unchanged = ?
                        where id = ?""")
                .params(ms, r.seen(), r.created(), r.modified(), r.deleted(), r.unchanged(), runId).update();
        jdbc.sql("""
                        update cloud_accounts set sync_sequence = ?, consecutive_failures = 0, lease_owner = null, lease_until = null,
                            next_sync_at = case when sync_requested then now() else now() + make_interval(secs => sync_interval_seconds) end
                        where id = ?""")
                .params(sequence, row.id()).update();
        meters.counter("cloudwarden.sync.runs", "provider", row.provider(), "status", "SUCCEEDED").increment();
        meters.counter("cloudwarden.sync.resources", "provider", row.provider()).increment(r.seen());
        log.info("Synced account '{}': {} resources ({} created, {} modified, {} deleted) in {} ms",
                row.name(), r.seen(), r.created(), r.modified(), r.deleted(), ms);
        events.publishEvent(new AccountSynced(tenant, row.id(), runId, "SUCCEEDED", null, r.seen(), clock.instant()));
    }

    private void failed(TenantId tenant, AccountRow row, UUID runId, Instant started, String code, String message) {
        int failures = row.consecutiveFailures() + 1;
        Duration delay = backoff.delayAfter(failures);
        jdbc.sql("""
                        update sync_runs set status = 'FAILED', finished_at = now(), duration_ms = ?, error_code = ?, error_message = ?
                        where id = ?""")
                .params(Duration.between(started, clock.instant()).toMillis(), code, message, runId).update();
        jdbc.sql("""
                        update cloud_accounts set consecutive_failures = ?, lease_owner = null, lease_until = null,
                            next_sync_at = now() + make_interval(secs => ?)
                        where id = ?""")
                .params(failures, delay.toMillis() / 1000.0, row.id()).update();
        meters.counter("cloudwarden.sync.runs", "provider", row.provider(), "status", "FAILED").increment();
        log.warn("Sync of account '{}' failed ({}): {}; retry {} in {} s", row.name(), code, message, failures, delay.toSeconds());
        events.publishEvent(new AccountSynced(tenant, row.id(), runId, "FAILED", code, 0, clock.instant()));
    }
}
