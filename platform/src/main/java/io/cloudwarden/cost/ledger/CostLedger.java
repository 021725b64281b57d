package io.cloudwarden.cost.ledger;

import io.cloudwarden.cost.CostsIngested;
import io.cloudwarden.cost.allocation.AllocationApplier;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.persistence.CopyTextWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes cost rows into the ledger, replacing whole billing periods (ADR 31). All rows of a load are staged with
 * {@code COPY} into a temporary table; then, in the same transaction, every (billing account, billing period) the
 * load contains is replaced: the period's previous rows are deleted, the staged ones inserted, the period's
 * supplier recorded in {@code cost_periods} and the touched days' rollups rebuilt. Readers see the old period or
 * the new one, never a mixture; a failure anywhere leaves the ledger as it was.
 */
@Service
public class CostLedger {

    private static final Logger log = LoggerFactory.getLogger(CostLedger.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final CostRollups rollups;
    private final AllocationApplier allocation;
    private final ApplicationEventPublisher events;

    CostLedger(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, CostRollups rollups,
               AllocationApplier allocation, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.rollups = rollups;
        this.allocation = allocation;
        this.events = events;
    }

    /** Supplies the rows of one load. */
    @FunctionalInterface
    public interface Feed {
        void feed(Writer writer) throws IOException;
    }

    /** Accepts rows; each must have the columns the ledger requires (see {@link #REQUIRED}). */
    public interface Writer {
        void write(FocusRow row);
    }

    /** Columns without which a row cannot be stored; readers quarantine such rows before they get here. */
    public static final List<FocusColumn> REQUIRED = List.of(FocusColumn.CHARGE_PERIOD_START, FocusColumn.CHARGE_PERIOD_END,
            FocusColumn.BILLING_PERIOD_START, FocusColumn.BILLING_PERIOD_END, FocusColumn.BILLING_ACCOUNT_ID,
            FocusColumn.BILLING_CURRENCY, FocusColumn.BILLED_COST);

    /** One billing period the load replaced. */
    public record PeriodReplaced(String billingAccountId, LocalDate billingPeriodStart, long rows, long previousRows) {
    }

    /** What a load changed. */
    public record LoadResult(long rows, List<PeriodReplaced> periods) {
    }

    /** Runs {@code feed} and stores its rows for {@code tenant}, recorded as supplied by import {@code importId}. */
    public LoadResult load(TenantId tenant, UUID importId, Feed feed) {
        return load(tenant, importId, feed, result -> { });
    }

    /**
     * Like {@link #load(TenantId, UUID, Feed)}, and runs {@code beforeCommit} in the load's transaction, so what it
     * writes (the import's report, events) commits with the rows or not at all.
     */
    public LoadResult load(TenantId tenant, UUID importId, Feed feed, Consumer<LoadResult> beforeCommit) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            jdbc.sql("set local work_mem = '256MB'").update();
            jdbc.sql("drop table if exists cost_stage").update();
            jdbc.sql("create temp table cost_stage (like cost_rows_template including defaults) on commit drop").update();
            long t0 = System.nanoTime();
            long staged = stage(tenant, importId, feed);
            long t1 = System.nanoTime();
            if (staged > 0) {
                allocation.applyToStage(tenant);
            }
            long t2 = System.nanoTime();
            List<PeriodReplaced> periods = staged == 0 ? List.of() : replacePeriods(tenant, importId);
            log.info("Cost load {}: {} rows; read and staged in {} ms, allocated in {} ms, periods replaced and rolled up in {} ms",
                    importId, staged, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            if (!periods.isEmpty()) {
                events.publishEvent(new CostsIngested(tenant, importId,
                        periods.stream().map(PeriodReplaced::billingAccountId).distinct().toList(),
                        periods.stream().map(PeriodReplaced::billingPeriodStart).min(LocalDate::compareTo).orElseThrow(),
                        periods.stream().map(p -> p.billingPeriodStart().plusMonths(1).minusDays(1)).max(LocalDate::compareTo).orElseThrow()));
            }
            LoadResult result = new LoadResult(staged, periods);
            beforeCommit.accept(result);
            return result;
        }));
    }

    private long stage(TenantId tenant, UUID importId, Feed feed) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyTextWriter out;
        try {
            out = CopyTextWriter.pipelined(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy cost_stage (" + CostRowCopy.COLUMN_LIST + ") from stdin"));
        } catch (SQLException e) {
            throw new LedgerWriteException("could not start writing cost rows: " + e.getMessage(), e);
        }
        UUID tenantId = tenant.value();
        try {
            feed.feed(row -> {
                for (FocusColumn c : REQUIRED) {
                    if (row.get(c) == null) {
                        throw new IllegalArgumentException("row " + row.sourceRow() + " has no " + c.id());
                    }
                }
                try {
                    CostRowCopy.write(out, tenantId, importId, row);
                } catch (SQLException e) {
                    throw new LedgerWriteException("the database refused cost row " + row.sourceRow() + ": " + e.getMessage(), e);
                }
            });
            return out.finish();
        } catch (IOException e) {
            out.cancel();
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            out.cancel();
            throw new LedgerWriteException("the database refused the cost rows: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            out.cancel();
            throw e;
        }
    }

    private List<PeriodReplaced> replacePeriods(TenantId tenant, UUID importId) {
        jdbc.sql("analyze cost_stage").update();
        record Staged(String account, LocalDate period, long rows, LocalDate firstDay, LocalDate lastDay) {
        }
        List<Staged> staged = jdbc.sql("""
                select billing_account_id, (billing_period_start at time zone 'UTC')::date, count(*),
                  min((charge_period_start at time zone 'UTC')::date), max((charge_period_start at time zone 'UTC')::date)
                from cost_stage group by 1, 2 order by 1, 2""")
                .query((rs, n) -> new Staged(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
        // one load per billing account at a time; accounts are locked in a fixed order, so loads cannot deadlock
        staged.stream().map(Staged::account).distinct().forEach(account -> jdbc.sql(
                "select pg_advisory_xact_lock(hashtextextended(?, 0))").param("cost:" + tenant.value() + ":" + account).query().singleRow());
        LocalDate first = staged.stream().map(Staged::firstDay).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = staged.stream().map(Staged::lastDay).max(LocalDate::compareTo).orElseThrow();
        jdbc.sql("select cw_cost_ensure_partitions(?, ?)").params(first, last).query().singleRow();

        // the periods' previous rows, in one pass: how many, and which days they covered (their rollups must go too)
        List<Staged> previous = jdbc.sql("""
                select c.billing_account_id, (c.billing_period_start at time zone 'UTC')::date, count(*),
                  min((c.charge_period_start at time zone 'UTC')::date), max((c.charge_period_start at time zone 'UTC')::date)
                from cost_rows c
                join (select distinct billing_account_id, billing_period_start from cost_stage) s
                  on s.billing_account_id = c.billing_account_id and s.billing_period_start = c.billing_period_start
                where c.tenant_id = ? group by 1, 2""").param(tenant.value())
                .query((rs, n) -> new Staged(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
        if (!previous.isEmpty()) {
            jdbc.sql("""
                    delete from cost_rows c using (select distinct billing_account_id, billing_period_start from cost_stage) s
                    where c.tenant_id = ? and s.billing_account_id = c.billing_account_id
                      and s.billing_period_start = c.billing_period_start""").param(tenant.value()).update();
        }
        List<PeriodReplaced> replaced = new ArrayList<>();
        java.util.Map<String, LocalDate[]> days = new java.util.TreeMap<>();
        for (Staged s : staged) {
            Staged old = previous.stream().filter(p -> p.account().equals(s.account()) && p.period().equals(s.period()))
                    .findFirst().orElse(null);
            jdbc.sql("""
                    insert into cost_periods (tenant_id, billing_account_id, billing_period_start, import_id, row_count)
                    values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, billing_account_id, billing_period_start)
                    do update set import_id = excluded.import_id, row_count = excluded.row_count, replaced_at = now()""")
                    .params(tenant.value(), s.account(), s.period(), importId, s.rows()).update();
            replaced.add(new PeriodReplaced(s.account(), s.period(), s.rows(), old == null ? 0 : old.rows()));
            LocalDate[] range = days.computeIfAbsent(s.account(), a -> new LocalDate[] {s.firstDay(), s.lastDay()});
            widen(range, s.firstDay(), s.lastDay());
            if (old != null) {
                widen(range, old.firstDay(), old.lastDay());
            }
        }
        long insertStart = System.nanoTime();
        jdbc.sql("insert into cost_rows select * from cost_stage").update();
        log.debug("inserted the staged rows in {} ms", (System.nanoTime() - insertStart) / 1_000_000);
        jdbc.sql("""
                insert into cost_tag_keys (tenant_id, tag_key)
                select distinct tenant_id, jsonb_object_keys(tags) from cost_stage where jsonb_typeof(tags) = 'object'
                on conflict (tenant_id, tag_key) do update set last_seen = now()""").update();
        long rollupStart = System.nanoTime();
        days.forEach((account, range) -> rollups.rebuildAfterLoad(tenant, account, range[0], range[1],
                staged.stream().filter(st -> st.account().equals(account)).map(Staged::period).toList()));
        log.debug("rebuilt the rollups in {} ms", (System.nanoTime() - rollupStart) / 1_000_000);
        return replaced;
    }

    private static void widen(LocalDate[] range, LocalDate first, LocalDate last) {
        if (first != null && first.isBefore(range[0])) {
            range[0] = first;
        }
        if (last != null && last.isAfter(range[1])) {
            range[1] = last;
        }
    }

    /** Writing rows to the database failed; the load is rolled back. */
    public static final class LedgerWriteException extends RuntimeException {
        LedgerWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
