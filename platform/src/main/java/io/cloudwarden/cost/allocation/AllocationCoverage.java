package io.cloudwarden.cost.allocation;

import io.cloudwarden.shared.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tag coverage KPI: the share of EffectiveCost that is allocated, read from the daily rollup. A cost is
 * allocated when the chosen dimension has a value ({@code any}: at least one of the four has one).
 */
@Service
public class AllocationCoverage {

    private static final Map<String, String> DIMENSIONS = Map.of(
            "team", "alloc_team <> ''", "project", "alloc_project <> ''", "environment", "alloc_environment <> ''",
            "costCenter", "alloc_cost_center <> ''",
            "any", "(alloc_team <> '' or alloc_project <> '' or alloc_environment <> '' or alloc_cost_center <> '')");

    private final JdbcClient jdbc;

    AllocationCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cost and allocated cost of one slice (per currency), and the allocated percentage (null when cost is 0). */
    public record Slice(String key, String currency, BigDecimal cost, BigDecimal allocated, BigDecimal percent) {
    }

    /** Coverage overall, per billing account and per service. */
    public record Coverage(LocalDate from, LocalDate to, String dimension, List<Slice> overall, List<Slice> byAccount,
                           List<Slice> byService) {
    }

    /** Whether {@code dimension} is one this KPI knows. */
    public static boolean knows(String dimension) {
        return DIMENSIONS.containsKey(dimension);
    }

    /** Coverage for the UTC days {@code from} to {@code to}, inclusive. */
    public Coverage coverage(LocalDate from, LocalDate to, String dimension) {
        String allocated = DIMENSIONS.get(dimension);
        return new Coverage(from, to, dimension, slices("'overall'", allocated, from, to),
                slices("billing_account_id", allocated, from, to), slices("service_name", allocated, from, to));
    }

    private List<Slice> slices(String key, String allocated, LocalDate from, LocalDate to) {
        List<Slice> out = new ArrayList<>();
        jdbc.sql("select " + key + ", billing_currency, sum(effective_cost), coalesce(sum(effective_cost) filter (where " + allocated
                        + "), 0) from cost_daily_rollup where tenant_id = ? and day between ? and ? group by 1, 2 order by 3 desc, 1, 2")
                .params(TenantContext.require().value(), from, to)
                .query(rs -> {
                    BigDecimal cost = rs.getBigDecimal(3);
                    BigDecimal alloc = rs.getBigDecimal(4);
                    BigDecimal pct = cost.signum() == 0 ? null : alloc.multiply(BigDecimal.valueOf(100)).divide(cost, 2, RoundingMode.HALF_UP);
                    out.add(new Slice(rs.getString(1), rs.getString(2), cost, alloc, pct));
                });
        return out;
    }
}
