package io.cloudwarden.cost.explorer;

import io.cloudwarden.cost.explorer.ExplorerQuery.Dimension;
import io.cloudwarden.cost.explorer.ExplorerQuery.Filter;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers explorer questions from the smallest table that can (ADR 31): the daily rollup for account, service,
 * region, category and allocation dimensions; the per-resource daily rollup for resources; the cost rows
 * themselves only for tag keys and other FOCUS columns. The top N groups are kept and the rest summed as
 * "other", in SQL, so large group counts never leave the database.
 */
@Service
public class CostExplorer {

    /** The key of the group that sums everything outside the top N. */
    public static final String OTHER = "(other)";

    private final JdbcClient jdbc;
    private final ResourceRanking ranking;

    CostExplorer(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ranking = new ResourceRanking(jdbc);
    }

    /** One explorer answer; {@code values} of each group line up with {@code periods}. */
    public record ExplorerResult(String metric, String granularity, LocalDate from, LocalDate to, String currency,
                                 List<String> currencies, List<String> groupBy, String source, List<LocalDate> periods,
                                 BigDecimal total, BigDecimal previousTotal, List<Group> groups) {
    }

    /** A group: its key (one value per grouping level; "" is none/unallocated), its total and its series. */
    public record Group(List<String> key, String label, boolean other, BigDecimal total, BigDecimal previousTotal,
                        List<BigDecimal> values) {
    }

    /**
     * Where a query reads: the daily rollup when every dimension is in it; the monthly resource rollup for whole
     * months by month when every dimension is in that; otherwise the rows (a resource's days come through the
     * ledger's resource index, see ADR 35).
     */
    enum Source {
        DAILY("cost_daily_rollup", "day", "day >= ? and day < ?"),
        RESOURCE_MONTHLY("cost_resource_monthly", "month", "month >= ? and month < ?"),
        ROWS("cost_rows", "(charge_period_start at time zone 'UTC')::date",
                "charge_period_start >= (?::date)::timestamp at time zone 'UTC' and charge_period_start < (?::date)::timestamp at time zone 'UTC'");

        final String table;
        final String day;
        final String range;

        Source(String table, String day, String range) {
            this.table = table;
            this.day = day;
            this.range = range;
        }

        String range() {
            return range;
        }

        static Source of(ExplorerQuery q) {
            List<Dimension> used = new ArrayList<>(q.groupBy());
            q.filters().forEach(f -> used.add(f.dimension()));
            if (used.stream().allMatch(d -> d.builtIn() != null && d.builtIn().inDailyRollup())) {
                return DAILY;
            }
            boolean wholeMonths = q.granularity() == ExplorerQuery.Granularity.MONTH && q.from().getDayOfMonth() == 1
                    && q.to().getDayOfMonth() == 1;
            if (wholeMonths && used.stream().allMatch(d -> d.builtIn() != null && d.builtIn().inResourceRollup())) {
                return RESOURCE_MONTHLY;
            }
            return ROWS;
        }
    }

    @Transactional(readOnly = true)
    public ExplorerResult explore(ExplorerQuery q) {
        TenantId tenant = TenantContext.require();
        List<String> currencies = currencies(tenant, q);
        String currency = q.currency() != null ? q.currency() : currencies.isEmpty() ? "USD" : currencies.get(0);
        Source source = Source.of(q);
        List<LocalDate> periods = periods(q);
        Map<LocalDate, Integer> periodIndex = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            periodIndex.put(periods.get(i), i);
        }

        Map<List<String>, BigDecimal[]> series;
        LocalDate[] months = source == Source.ROWS && ResourceRanking.applies(q) ? ranking.wholeMonths(tenant, q, currency) : null;
        if (months != null && q.granularity() != ExplorerQuery.Granularity.MONTH) {
            source = Source.RESOURCE_MONTHLY; // ranked from it; the top resources' days come from their rows
            series = ranking.series(tenant, q, currency, months, periods, periodIndex, g -> key(q, g[0], g[1]));
        } else {
            if (months != null) {
                source = Source.RESOURCE_MONTHLY; // by month over whole months: the monthly rollup answers all of it
            }
            series = ranked(q, base(tenant, q, source, currency, months), periods, periodIndex);
        }

        Map<List<String>, BigDecimal> previous = q.comparePrevious() ? previousTotals(tenant, q, currency) : Map.of();
        List<Group> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal previousOfTop = BigDecimal.ZERO;
        for (var e : series.entrySet()) {
            BigDecimal sum = sum(e.getValue());
            total = total.add(sum);
            boolean other = e.getKey().equals(List.of(OTHER));
            BigDecimal prev = null;
            if (q.comparePrevious() && !other) {
                prev = previous.getOrDefault(e.getKey(), BigDecimal.ZERO);
                previousOfTop = previousOfTop.add(prev);
            }
            groups.add(new Group(e.getKey(), label(q, e.getKey()), other, sum, prev, List.of(e.getValue())));
        }
        BigDecimal previousTotal = q.comparePrevious() ? previous.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        if (q.comparePrevious()) {
            BigDecimal previousOther = previousTotal.subtract(previousOfTop);
            groups.replaceAll(g -> g.other() ? new Group(g.key(), g.label(), true, g.total(), previousOther, g.values()) : g);
        }
        groups.sort((a, b) -> a.other() != b.other() ? (a.other() ? 1 : -1) : b.total().compareTo(a.total()));
        return new ExplorerResult(q.metric().id(), q.granularity().name().toLowerCase(), q.from(), q.to(), currency, currencies,
                q.groupBy().stream().map(Dimension::key).toList(), source.name().toLowerCase(), periods, total, previousTotal,
                groups);
    }

    /**
     * The total of an ungrouped query per period, in the query's currency (budgets measure their spend with this, so a
     * budget scoped by a saved filter sums exactly what the explorer shows for it); periods without spend are absent.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, BigDecimal> totalsByPeriod(ExplorerQuery q) {
        if (!q.groupBy().isEmpty()) {
            throw new IllegalArgumentException("totals are of an ungrouped query");
        }
        ExplorerResult r = explore(q);
        Map<LocalDate, BigDecimal> out = new java.util.TreeMap<>();
        for (Group g : r.groups()) {
            for (int i = 0; i < r.periods().size(); i++) {
                if (g.values().get(i).signum() != 0) {
                    out.merge(r.periods().get(i), g.values().get(i), BigDecimal::add);
                }
            }
        }
        return out;
    }

    /** The top groups' series and "other", with the ranking done in the same statement. */
    private Map<List<String>, BigDecimal[]> ranked(ExplorerQuery q, Sql base, List<LocalDate> periods, Map<LocalDate, Integer> periodIndex) {
        String sql = "with base as (" + base.text + "), ranked as (select g1, g2, row_number() over (order by sum(amount) desc, g1, g2) rn "
                + "from base group by g1, g2) "
                + "select r.rn <= ? as top, case when r.rn <= ? then b.g1 end, case when r.rn <= ? then b.g2 end, b.period, sum(b.amount) "
                + "from base b join ranked r on r.g1 = b.g1 and r.g2 = b.g2 group by 1, 2, 3, 4";
        List<Object> params = new ArrayList<>(base.params);
        params.addAll(List.of(q.top(), q.top(), q.top()));
        Map<List<String>, BigDecimal[]> series = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            boolean top = rs.getBoolean(1);
            List<String> key = top ? key(q, rs.getString(2), rs.getString(3)) : List.of(OTHER);
            BigDecimal[] values = series.computeIfAbsent(key, k -> zeros(periods.size()));
            Integer i = periodIndex.get(rs.getObject(4, LocalDate.class));
            if (i != null) {
                values[i] = values[i].add(rs.getBigDecimal(5));
            }
        });
        return series;
    }

    private Map<List<String>, BigDecimal> previousTotals(TenantId tenant, ExplorerQuery q, String currency) {
        Sql base = base(tenant, q.previous(), Source.of(q.previous()), currency, null);
        Map<List<String>, BigDecimal> totals = new HashMap<>();
        jdbc.sql("select g1, g2, sum(amount) from (" + base.text + ") b group by 1, 2").params(base.params)
                .query(rs -> {
                    totals.merge(key(q, rs.getString(1), rs.getString(2)), rs.getBigDecimal(3), BigDecimal::add);
                });
        return totals;
    }

    /** The currencies with spend in the range, largest first. */
    private List<String> currencies(TenantId tenant, ExplorerQuery q) {
        return jdbc.sql("""
                select billing_currency from cost_daily_rollup where tenant_id = ? and day >= ? and day < ?
                group by 1 order by sum(billed_cost) desc""").params(tenant.value(), q.from(), q.to())
                .query(String.class).list();
    }

    private record Sql(String text, List<Object> params) {
    }

    /** The per-group, per-period amounts; {@code months} (whole months, or null) replaces the range for the monthly rollup. */
    private static Sql base(TenantId tenant, ExplorerQuery q, Source source, String currency, LocalDate[] months) {
        List<Object> params = new ArrayList<>();
        String g1 = q.groupBy().isEmpty() ? "''" : expr(q.groupBy().get(0), params);
        String g2 = q.groupBy().size() < 2 ? "''" : expr(q.groupBy().get(1), params);
        StringBuilder where = new StringBuilder("tenant_id = ? and billing_currency = ? and ").append(source.range());
        params.add(tenant.value());
        params.add(currency);
        params.add(months != null ? months[0] : q.from());
        params.add(months != null ? months[1] : q.to());
        where.append(filterSql(q.filters(), params));
        String text = "select g1, g2, period, sum(amount) amount from (select " + g1 + " g1, " + g2 + " g2, date_trunc('"
                + q.granularity().sqlUnit() + "', " + source.day + ")::date period, " + q.metric().column() + " amount from "
                + source.table + " where " + where + ") x group by 1, 2, 3";
        return new Sql(text, params);
    }

    /** The conditions of {@code filters}, each starting with " and ", their values added to {@code params}. */
    static String filterSql(List<Filter> filters, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (Filter f : filters) {
            sql.append(" and ").append(expr(f.dimension(), params)).append(f.negated() ? " <> all(?)" : " = any(?)");
            params.add(f.values().toArray(String[]::new));
        }
        return sql.toString();
    }

    /** The SQL of a dimension; tag keys are bound as parameters, never spliced into the text. */
    static String expr(Dimension d, List<Object> params) {
        if (d.builtIn() != null) {
            return "coalesce(" + d.builtIn().column() + ", '')";
        }
        params.add(d.tagKey());
        return "coalesce(tags ->> ?, '')";
    }

    private static List<String> key(ExplorerQuery q, String g1, String g2) {
        return switch (q.groupBy().size()) {
            case 0 -> List.of();
            case 1 -> List.of(g1);
            default -> List.of(g1, g2);
        };
    }

    private static String label(ExplorerQuery q, List<String> key) {
        if (key.equals(List.of(OTHER))) {
            return "Other";
        }
        if (key.isEmpty()) {
            return "Total";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            String v = key.get(i);
            parts.add(!v.isEmpty() ? v : q.groupBy().get(i).allocation() ? "(unallocated)"
                    : q.groupBy().get(i).tagKey() != null ? "(untagged)" : "(none)");
        }
        return String.join(" / ", parts);
    }

    static List<LocalDate> periods(ExplorerQuery q) {
        List<LocalDate> periods = new ArrayList<>();
        LocalDate p = switch (q.granularity()) {
            case DAY -> q.from();
            case WEEK -> q.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> q.from().withDayOfMonth(1);
        };
        while (p.isBefore(q.to())) {
            periods.add(p);
            p = switch (q.granularity()) {
                case DAY -> p.plusDays(1);
                case WEEK -> p.plusWeeks(1);
                case MONTH -> p.plusMonths(1);
            };
        }
        return Collections.unmodifiableList(periods);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }
}
