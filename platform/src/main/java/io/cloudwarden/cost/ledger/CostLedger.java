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
            jdbc.sql("create temp table cost_stage (like cost_rows including defaults) on commit drop").update();
            long staged = stage(tenant, importId, feed);
            if (staged > 0) {
                allocation.applyToStage(tenant);
            }
            List<PeriodReplaced> periods = staged == 0 ? List.of() : replacePeriods(tenant, importId);
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
            out = new CopyTextWriter(connection.unwrap(PGConnection.class).getCopyAPI()
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

        List<PeriodReplaced> replaced = new ArrayList<>();
        List<Staged> rollupRanges = new ArrayList<>();
        for (Staged s : staged) {
            var previous = jdbc.sql("""
                    select count(*), min((charge_period_start at time zone 'UTC')::date), max((charge_period_start at time zone 'UTC')::date)
                    from cost_rows where tenant_id = ? and billing_account_id = ?
                      and billing_period_start = (?::date)::timestamp at time zone 'UTC'""")
                    .params(tenant.value(), s.account(), s.period())
                    .query((rs, n) -> new Staged(s.account(), s.period(), rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class))).single();
            if (previous.rows() > 0) {
                jdbc.sql("""
                        delete from cost_rows where tenant_id = ? and billing_account_id = ?
                          and billing_period_start = (?::date)::timestamp at time zone 'UTC'""")
                        .params(tenant.value(), s.account(), s.period()).update();
            }
            jdbc.sql("""
                    insert into cost_periods (tenant_id, billing_account_id, billing_period_start, import_id, row_count)
                    values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, billing_account_id, billing_period_start)
                    do update set import_id = excluded.import_id, row_count = excluded.row_count, replaced_at = now()""")
                    .params(tenant.value(), s.account(), s.period(), importId, s.rows()).update();
            replaced.add(new PeriodReplaced(s.account(), s.period(), s.rows(), previous.rows()));
            LocalDate from = previous.rows() > 0 && previous.firstDay().isBefore(s.firstDay()) ? previous.firstDay() : s.firstDay();
            LocalDate to = previous.rows() > 0 && previous.lastDay().isAfter(s.lastDay()) ? previous.lastDay() : s.lastDay();
            rollupRanges.add(new Staged(s.account(), s.period(), 0, from, to));
        }
        jdbc.sql("insert into cost_rows select * from cost_stage").update();
        jdbc.sql("""
                insert into cost_tag_keys (tenant_id, tag_key)
                select distinct tenant_id, jsonb_object_keys(tags) from cost_stage where jsonb_typeof(tags) = 'object'
                on conflict (tenant_id, tag_key) do update set last_seen = now()""").update();
        for (Staged r : rollupRanges) {
            rollups.rebuild(tenant, r.account(), r.firstDay(), r.lastDay());
        }
        return replaced;
    }

    /** Writing rows to the database failed; the load is rolled back. */
    public static final class LedgerWriteException extends RuntimeException {
        LedgerWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
