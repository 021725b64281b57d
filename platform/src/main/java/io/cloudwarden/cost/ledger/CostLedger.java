package io.cloudwarden.cost.ledger;

import io.cloudwarden.cost.CostsIngested;
import io.cloudwarden.cost.allocation.AllocationApplier;
import io.cloudwarden.cost.allocation.RowAllocator;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.persistence.BulkLoaderRole;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes cost rows into the ledger, replacing whole billing periods (ADR 31, ADR 35). A load streams its rows once:
 * each row is allocated by the tenant's rules, written with {@code COPY} straight into {@code cost_rows}, and added to
 * the rollups kept in memory. Then, in the same transaction, every (billing account, billing period) the load contains
 * is replaced: the previous supplier's rows and the period's rollup rows are deleted, the new rollups written, and the
 * period's supplier recorded in {@code cost_periods}. Readers see the old period or the new one, never a mixture; a
 * failure anywhere leaves the ledger as it was.
 */
@Service
@EnableConfigurationProperties(LedgerProperties.class)
public class CostLedger {

    private static final Logger log = LoggerFactory.getLogger(CostLedger.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AllocationApplier allocation;
    private final ApplicationEventPublisher events;
    private final LedgerPartitions partitions;
    private final LedgerCopy copy;

    CostLedger(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, AllocationApplier allocation,
               ApplicationEventPublisher events, LedgerPartitions partitions, BulkLoaderRole loader, LedgerProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.allocation = allocation;
        this.events = events;
        this.partitions = partitions;
        this.copy = new LedgerCopy(jdbc, dataSource, props.directCopy() ? loader : BulkLoaderRole.unavailable());
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

    /** Whether loads write straight into the ledger (true) or stage their rows in a temporary table first. */
    public boolean direct() {
        return copy.direct();
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
        partitions.ensureWindow();
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            jdbc.sql("set local work_mem = '256MB'").update();
            RowAllocator allocator = allocation.allocator(tenant);
            LoadAggregates aggregates = new LoadAggregates();
            long t0 = System.nanoTime();
            long written = writeRows(tenant, importId, feed, allocator, aggregates);
            long t1 = System.nanoTime();
            List<PeriodReplaced> periods = written == 0 ? List.of() : replacePeriods(tenant, importId, aggregates);
            log.info("Cost load {}: {} rows {}; read, allocated and written in {} ms, periods replaced and rollups written in {} ms",
                    importId, written, copy.direct() ? "copied into the ledger" : "staged", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            if (!periods.isEmpty()) {
                events.publishEvent(new CostsIngested(tenant, importId,
                        periods.stream().map(PeriodReplaced::billingAccountId).distinct().toList(),
                        periods.stream().map(PeriodReplaced::billingPeriodStart).min(LocalDate::compareTo).orElseThrow(),
                        periods.stream().map(p -> p.billingPeriodStart().plusMonths(1).minusDays(1)).max(LocalDate::compareTo).orElseThrow()));
            }
            LoadResult result = new LoadResult(written, periods);
            beforeCommit.accept(result);
            return result;
        }));
    }

    private long writeRows(TenantId tenant, UUID importId, Feed feed, RowAllocator allocator, LoadAggregates aggregates) {
        UUID tenantId = tenant.value();
        return copy.copy("cost_rows", "cost_rows_template", CostRowCopy.COLUMN_LIST, out -> feed.feed(row -> {
            for (FocusColumn c : REQUIRED) {
                if (row.get(c) == null) {
                    throw new IllegalArgumentException("row " + row.sourceRow() + " has no " + c.id());
                }
            }
            RowAllocator.Allocation a = allocator.allocate(row);
            try {
                CostRowCopy.write(out, tenantId, importId, row, a);
            } catch (SQLException e) {
                throw new LedgerWriteException("the database refused cost row " + row.sourceRow() + ": " + e.getMessage(), e);
            }
            try {
                aggregates.add(row, a);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new LedgerWriteException("cost row " + row.sourceRow() + " has a cost or date the ledger cannot store: "
                        + e.getMessage(), e);
            }
        }));
    }

    private List<PeriodReplaced> replacePeriods(TenantId tenant, UUID importId, LoadAggregates aggregates) {
        Map<LoadAggregates.Period, long[]> loaded = aggregates.periods();
        // one load per billing account at a time; accounts are locked in a fixed order, so loads cannot deadlock
        loaded.keySet().stream().map(LoadAggregates.Period::account).distinct().sorted().forEach(account -> jdbc.sql(
                "select pg_advisory_xact_lock(hashtextextended(?, 0))").param("cost:" + tenant.value() + ":" + account).query().singleRow());

        record Previous(UUID importId, long rows) {
        }
        Map<LoadAggregates.Period, Previous> previous = new HashMap<>();
        String[] accounts = loaded.keySet().stream().map(LoadAggregates.Period::account).toArray(String[]::new);
        String[] starts = loaded.keySet().stream().map(p -> p.start().toString()).toArray(String[]::new);
        jdbc.sql("""
                select p.billing_account_id, p.billing_period_start, p.import_id, p.row_count from cost_periods p
                join unnest(?::text[], ?::text[]) l(account, start) on l.account = p.billing_account_id and l.start::date = p.billing_period_start
                where p.tenant_id = ?""").params(accounts, starts, tenant.value())
                .query(rs -> {
                    previous.put(new LoadAggregates.Period(rs.getString(1), rs.getObject(2, LocalDate.class)),
                            new Previous(rs.getObject(3, UUID.class), rs.getLong(4)));
                });

        long deleteStart = System.nanoTime();
        List<PeriodReplaced> replaced = new ArrayList<>();
        for (var e : loaded.entrySet()) {
            LoadAggregates.Period p = e.getKey();
            Previous old = previous.get(p);
            Timestamp from = Timestamp.from(p.start().atStartOfDay(ZoneOffset.UTC).toInstant());
            Timestamp to = Timestamp.from(p.start().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            if (old != null && !old.importId().equals(importId)) {
                // every row of a period comes from the import that supplies it (cost_periods), so this is exactly the old period
                jdbc.sql("""
                        delete from cost_rows where import_id = ? and tenant_id = ? and billing_account_id = ? and billing_period_start >= ?
                          and billing_period_start < ?""")
                        .params(old.importId(), tenant.value(), p.account(), from, to).update();
            }
            for (String rollup : List.of("cost_daily_rollup", "cost_resource_monthly")) {
                jdbc.sql("delete from " + rollup + " where tenant_id = ? and billing_account_id = ? and billing_period_start = ?")
                        .params(tenant.value(), p.account(), p.start()).update();
            }
            jdbc.sql("""
                    insert into cost_periods (tenant_id, billing_account_id, billing_period_start, import_id, row_count)
                    values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, billing_account_id, billing_period_start)
                    do update set import_id = excluded.import_id, row_count = excluded.row_count, replaced_at = now()""")
                    .params(tenant.value(), p.account(), p.start(), importId, e.getValue()[0]).update();
            replaced.add(new PeriodReplaced(p.account(), p.start(), e.getValue()[0], old == null ? 0 : old.rows()));
        }
        long rollupStart = System.nanoTime();
        UUID t = tenant.value();
        copy.copy("cost_daily_rollup", "cost_daily_rollup", LoadAggregates.DAILY_COLUMNS, out -> aggregates.writeDaily(out, t));
        copy.copy("cost_resource_monthly", "cost_resource_monthly", LoadAggregates.RESOURCE_MONTHLY_COLUMNS,
                out -> aggregates.writeResourceMonthly(out, t));
        if (!aggregates.tagKeys().isEmpty()) {
            jdbc.sql("""
                    insert into cost_tag_keys (tenant_id, tag_key) select ?, unnest(?::text[])
                    on conflict (tenant_id, tag_key) do update set last_seen = now()""")
                    .params(tenant.value(), aggregates.tagKeys().toArray(String[]::new)).update();
        }
        log.debug("replaced the periods' previous rows in {} ms; wrote the rollups in {} ms", (rollupStart - deleteStart) / 1_000_000,
                (System.nanoTime() - rollupStart) / 1_000_000);
        return replaced;
    }

    /** Writing rows to the database failed; the load is rolled back. */
    public static final class LedgerWriteException extends RuntimeException {
        LedgerWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
