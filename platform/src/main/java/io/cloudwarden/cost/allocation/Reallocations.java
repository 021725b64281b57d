package io.cloudwarden.cost.allocation;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.ledger.CostRollups;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs re-allocation jobs in the background. Jobs of one tenant run one at a time (a partial unique index allows
 * one RUNNING job per tenant, across nodes); a request while a job is queued joins it, since a queued job reads
 * the rules when it starts. Each month is re-allocated and its rollups rebuilt in one transaction, holding the
 * same per-billing-account locks as ledger loads, so readers never see a half re-allocated month.
 */
@Service
public class Reallocations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reallocations.class);
    /** A RUNNING job whose last month finished longer ago than this is taken as interrupted. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AllocationRuleStore store;
    private final AllocationApplier applier;
    private final CostRollups rollups;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cloudwarden-reallocation");
        t.setDaemon(true);
        return t;
    });

    Reallocations(JdbcClient jdbc, TransactionTemplate tx, AllocationRuleStore store, AllocationApplier applier, CostRollups rollups) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.applier = applier;
        this.rollups = rollups;
    }

    /** Queues a job (or joins the queued one); call inside the transaction that changed the rules. Starts after commit. */
    Reallocation request(TenantId tenant, String actor) {
        Optional<UUID> queued = jdbc.sql("select id from cost_reallocations where tenant_id = ? and status = 'QUEUED' order by created_at limit 1")
                .param(tenant.value()).query(UUID.class).optional();
        UUID id = queued.orElseGet(UUID::randomUUID);
        if (queued.isEmpty()) {
            jdbc.sql("insert into cost_reallocations (id, tenant_id, status, requested_by) values (?, ?, 'QUEUED', ?)")
                    .params(id, tenant.value(), actor).update();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(() -> runQueued(tenant));
            }
        });
        return get(tenant, id);
    }

    /** One job of the tenant in context. */
    public Reallocation get(UUID id) {
        return get(TenantContext.require(), id);
    }

    /** The tenant's latest jobs, newest first. */
    public List<Reallocation> latest(int limit) {
        return jdbc.sql("select * from cost_reallocations where tenant_id = ? order by created_at desc limit ?")
                .params(TenantContext.require().value(), Math.min(Math.max(limit, 1), 100)).query(Reallocations::map).list();
    }

    private Reallocation get(TenantId tenant, UUID id) {
        return jdbc.sql("select * from cost_reallocations where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query(Reallocations::map).optional()
                .orElseThrow(() -> new CloudwardenException(CostErrorCode.ALLOCATION_REALLOCATION_NOT_FOUND,
                        "re-allocation job " + id + " was not found"));
    }

    /** Runs the tenant's queued jobs, oldest first, unless another node or thread is running one. */
    void runQueued(TenantId tenant) {
        TenantContext.runAs(tenant, () -> {
            Optional<UUID> job;
            while ((job = claim(tenant)).isPresent()) {
                run(tenant, job.get());
            }
        });
    }

    private Optional<UUID> claim(TenantId tenant) {
        // a job whose node stopped beats no more; fail it so the tenant's queue moves on
        jdbc.sql("""
                update cost_reallocations set status = 'FAILED', error = 'interrupted: the node running it stopped', finished_at = now()
                where tenant_id = ? and status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?)""")
                .params(tenant.value(), STALE_AFTER.toSeconds()).update();
        try {
            return tx.execute(s -> jdbc.sql("""
                    update cost_reallocations set status = 'RUNNING', started_at = now(), heartbeat_at = now()
                    where id = (select id from cost_reallocations where tenant_id = ? and status = 'QUEUED' order by created_at limit 1
                                for update skip locked)
                    returning id""").param(tenant.value()).query(UUID.class).optional());
        } catch (DataIntegrityViolationException running) {
            return Optional.empty(); // another job of this tenant is running; it picks up the queue when done
        }
    }

    private void run(TenantId tenant, UUID job) {
        try {
            List<LocalDate> months = jdbc.sql("""
                    select distinct date_trunc('month', day)::date from cost_daily_rollup where tenant_id = ? order by 1""")
                    .param(tenant.value()).query(LocalDate.class).list();
            jdbc.sql("update cost_reallocations set months_total = ? where id = ?").params(months.size(), job).update();
            for (LocalDate m : months) {
                tx.executeWithoutResult(s -> reallocate(tenant, job, YearMonth.from(m)));
            }
            jdbc.sql("update cost_reallocations set status = 'SUCCEEDED', finished_at = now() where id = ?").param(job).update();
        } catch (RuntimeException e) {
            log.error("Re-allocation {} failed", job, e);
            jdbc.sql("update cost_reallocations set status = 'FAILED', error = ?, finished_at = now() where id = ?")
                    .params("re-allocation failed: " + e.getClass().getSimpleName(), job).update();
        }
    }

    private void reallocate(TenantId tenant, UUID job, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<String> accounts = jdbc.sql("""
                select distinct billing_account_id from cost_daily_rollup where tenant_id = ? and day between ? and ? order by 1""")
                .params(tenant.value(), first, last).query(String.class).list();
        // the locks ledger loads take, in the same order, so a load and a re-allocation of a month serialize
        accounts.forEach(a -> jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("cost:" + tenant.value() + ":" + a).query().singleRow());
        long rows = applier.reallocateMonth(tenant, month, store.list(tenant));
        for (String account : accounts) {
            rollups.rebuild(tenant, account, first, last);
        }
        jdbc.sql("update cost_reallocations set months_done = months_done + 1, rows_updated = rows_updated + ?, heartbeat_at = now() where id = ?")
                .params(rows, job).update();
    }

    private static Reallocation map(ResultSet rs, int n) throws SQLException {
        return new Reallocation(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("months_total"),
                rs.getInt("months_done"), rs.getLong("rows_updated"), rs.getString("error"), rs.getString("requested_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
