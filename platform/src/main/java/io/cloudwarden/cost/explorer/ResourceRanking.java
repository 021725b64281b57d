package io.cloudwarden.cost.explorer;

import io.cloudwarden.cost.explorer.ExplorerQuery.Dimension;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Top resources without reading every row of the range (ADR 35). When the range covers whole months as far as the
 * data goes (no spend in the days of its first and last month that lie outside it), the ranking comes from the
 * monthly resource rollup, exactly; the daily series are then read from the rows of the top resources only, through
 * the ledger's resource index, and "other" is the range's total per period less the top groups.
 */
final class ResourceRanking {

    private final JdbcClient jdbc;

    ResourceRanking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether every dimension of {@code q} is in the monthly resource rollup and it groups by resource. */
    static boolean applies(ExplorerQuery q) {
        List<Dimension> used = new ArrayList<>(q.groupBy());
        q.filters().forEach(f -> used.add(f.dimension()));
        return used.stream().allMatch(d -> d.builtIn() != null && d.builtIn().inResourceRollup())
                && q.groupBy().stream().anyMatch(d -> d.builtIn() == CostDimension.RESOURCE);
    }

    /**
     * The whole months {@code [first, end)} that hold exactly the spend of {@code q}'s range in {@code currency}, or
     * null when the range cuts through a month with spend outside it.
     */
    LocalDate[] wholeMonths(TenantId tenant, ExplorerQuery q, String currency) {
        LocalDate first = q.from().withDayOfMonth(1);
        LocalDate end = q.to().getDayOfMonth() == 1 ? q.to() : q.to().withDayOfMonth(1).plusMonths(1);
        boolean outside = jdbc.sql("""
                select exists (select 1 from cost_daily_rollup where tenant_id = ? and billing_currency = ?
                  and ((day >= ? and day < ?) or (day >= ? and day < ?)))""")
                .params(tenant.value(), currency, first, q.from(), q.to(), end).query(Boolean.class).single();
        return outside ? null : new LocalDate[] {first, end};
    }

    /**
     * The series of the top {@code q.top()} groups and of "other", keyed like the explorer's groups; {@code months}
     * from {@link #wholeMonths}. {@code key} turns (g1, g2) into a group key.
     */
    Map<List<String>, BigDecimal[]> series(TenantId tenant, ExplorerQuery q, String currency, LocalDate[] months,
                                           List<LocalDate> periods, Map<LocalDate, Integer> periodIndex,
                                           Function<String[], List<String>> key) {
        List<Object> params = new ArrayList<>();
        String g1 = CostExplorer.expr(q.groupBy().get(0), params);
        String g2 = q.groupBy().size() < 2 ? "''" : CostExplorer.expr(q.groupBy().get(1), params);
        String filters = CostExplorer.filterSql(q.filters(), new ArrayList<>());
        List<Object> rankParams = new ArrayList<>(params);
        rankParams.addAll(List.of(tenant.value(), currency, months[0], months[1]));
        CostExplorer.filterSql(q.filters(), rankParams);
        rankParams.add(q.top() + 1);
        List<String[]> ranked = jdbc.sql("select " + g1 + ", " + g2 + ", sum(" + q.metric().column() + ") from cost_resource_monthly"
                        + " where tenant_id = ? and billing_currency = ? and month >= ? and month < ?" + filters
                        + " group by 1, 2 order by 3 desc, 1, 2 limit ?")
                .params(rankParams).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        boolean more = ranked.size() > q.top();
        List<String[]> top = more ? ranked.subList(0, q.top()) : ranked;

        Map<List<String>, BigDecimal[]> series = new LinkedHashMap<>();
        Map<List<String>, List<String>> wanted = new HashMap<>();
        int resourceLevel = q.groupBy().get(0).builtIn() == CostDimension.RESOURCE ? 0 : 1;
        List<String> resourceIds = new ArrayList<>();
        for (String[] t : top) {
            List<String> k = key.apply(t);
            series.put(k, zeros(periods.size()));
            wanted.put(List.of(t[0], t[1]), k);
            resourceIds.add(t[resourceLevel]);
        }
        String period = "date_trunc('" + q.granularity().sqlUnit() + "', (charge_period_start at time zone 'UTC')::date)::date";
        String range = " and charge_period_start >= (?::date)::timestamp at time zone 'UTC'"
                + " and charge_period_start < (?::date)::timestamp at time zone 'UTC'";
        if (!top.isEmpty()) {
            // "" is the cost without a resource: its rows are found through their own index, the others through the
            // resource index (one statement each, so each uses its index)
            boolean none = resourceIds.remove("");
            String select = "select " + g1 + ", " + g2 + ", " + period + ", sum(" + q.metric().column() + ") from cost_rows"
                    + " where tenant_id = ? and billing_currency = ?" + range + filters;
            List<String> statements = new ArrayList<>();
            if (!resourceIds.isEmpty()) {
                statements.add(select + " and resource_id = any(?) group by 1, 2, 3");
            }
            if (none) {
                statements.add(select + " and resource_id is null group by 1, 2, 3");
            }
            for (String statement : statements) {
                List<Object> p = new ArrayList<>(params);
                p.addAll(List.of(tenant.value(), currency, q.from(), q.to()));
                CostExplorer.filterSql(q.filters(), p);
                if (statement.contains("any(?)")) {
                    p.add(resourceIds.toArray(String[]::new));
                }
                jdbc.sql(statement).params(p).query(rs -> {
                    List<String> k = wanted.get(List.of(rs.getString(1), rs.getString(2)));
                    Integer i = periodIndex.get(rs.getObject(3, LocalDate.class));
                    if (k != null && i != null) {
                        BigDecimal[] v = series.get(k);
                        v[i] = v[i].add(rs.getBigDecimal(4));
                    }
                });
            }
        }
        if (more) {
            BigDecimal[] other = totals(tenant, q, currency, periods, periodIndex);
            for (BigDecimal[] v : series.values()) {
                for (int i = 0; i < other.length; i++) {
                    other[i] = other[i].subtract(v[i]);
                }
            }
            series.put(List.of(CostExplorer.OTHER), other);
        }
        return series;
    }

    /** The range's total per period: from the daily rollup when the filters allow, else from the rows. */
    private BigDecimal[] totals(TenantId tenant, ExplorerQuery q, String currency, List<LocalDate> periods,
                                Map<LocalDate, Integer> periodIndex) {
        boolean daily = q.filters().stream().allMatch(f -> f.dimension().builtIn() != null && f.dimension().builtIn().inDailyRollup());
        CostExplorer.Source source = daily ? CostExplorer.Source.DAILY : CostExplorer.Source.ROWS;
        List<Object> p = new ArrayList<>(List.of(tenant.value(), currency, q.from(), q.to()));
        String filters = CostExplorer.filterSql(q.filters(), p);
        BigDecimal[] out = zeros(periods.size());
        jdbc.sql("select date_trunc('" + q.granularity().sqlUnit() + "', " + source.day + ")::date, sum(" + q.metric().column() + ") from "
                        + source.table + " where tenant_id = ? and billing_currency = ? and " + source.range() + filters + " group by 1")
                .params(p).query(rs -> {
                    Integer i = periodIndex.get(rs.getObject(1, LocalDate.class));
                    if (i != null) {
                        out[i] = out[i].add(rs.getBigDecimal(2));
                    }
                });
        return out;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }
}
