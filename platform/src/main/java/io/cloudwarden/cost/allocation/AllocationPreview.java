package io.cloudwarden.cost.allocation;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What-if of a proposed rule list over one month of stored rows: per dimension value, the cost allocated before
 * (the stored allocation) and after (the proposed rules). Read-only: it only SELECTs, nothing is saved.
 * Cost is EffectiveCost, or BilledCost where a row has none.
 */
@Service
public class AllocationPreview {

    /** The bucket of rows a dimension has no value for. */
    public static final String UNALLOCATED = "(unallocated)";

    private static final List<String> DIMENSIONS = List.of("team", "project", "environment", "costCenter");

    private final JdbcClient jdbc;
    private final AllocationApplier applier;
    private final CostAllocation allocation;

    AllocationPreview(JdbcClient jdbc, AllocationApplier applier, CostAllocation allocation) {
        this.jdbc = jdbc;
        this.applier = applier;
        this.allocation = allocation;
    }

    /** One dimension value's cost before and after, in one currency. */
    @Schema(name = "AllocationPreviewLine")
    public record Line(String value, String currency, BigDecimal before, BigDecimal after, BigDecimal delta) {
    }

    /** The preview: lines per dimension, and the change of the unallocated bucket per dimension and currency. */
    @Schema(name = "AllocationPreviewResult")
    public record Result(YearMonth month, Map<String, List<Line>> dimensions, Map<String, List<Line>> unallocated) {
    }

    /** Previews {@code rules} (the whole proposed ordered list) over {@code month}. */
    public Result preview(List<AllocationRule> rules, YearMonth month) {
        allocation.validate(rules);
        TenantId tenant = TenantContext.require();
        List<AllocationRule> withIds = rules.stream()
                .map(r -> new AllocationRule(r.id() != null ? r.id() : UUID.randomUUID(), r.name(), r.conditions(), r.assign())).toList();
        String where = AllocationApplier.monthWhere();
        Map<String, Object> scope = AllocationApplier.monthParams(tenant, month);
        AllocationSql sql = applier.sqlFor(withIds, "cost_rows", where, scope);
        String index = sql.ruleIndex();
        List<String> exprs = sql.allocation();
        String query = "select billing_currency, alloc_team, alloc_project, alloc_environment, alloc_cost_center, a.t, a.p, a.e, a.c,"
                + " sum(coalesce(effective_cost, billed_cost)) from cost_rows cross join lateral (select " + index
                + " as i) y cross join lateral (select " + String.join(", ", exprs.subList(1, 5)) + ") a(t, p, e, c) where "
                + where + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9";
        Map<String, Object> params = new LinkedHashMap<>(sql.params()); // after the text: generating it registers them
        params.putAll(scope);
        // dimension -> (value, currency) -> [before, after]
        Map<String, Map<List<String>, BigDecimal[]>> totals = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> totals.put(d, new TreeMap<>((x, y) -> (x.get(0) + "\0" + x.get(1)).compareTo(y.get(0) + "\0" + y.get(1)))));
        jdbc.sql(query).params(params).query(rs -> {
            String currency = rs.getString(1);
            BigDecimal cost = rs.getBigDecimal(10);
            for (int d = 0; d < DIMENSIONS.size(); d++) {
                Map<List<String>, BigDecimal[]> dim = totals.get(DIMENSIONS.get(d));
                add(dim, bucket(rs.getString(2 + d)), currency, 0, cost);
                add(dim, bucket(rs.getString(6 + d)), currency, 1, cost);
            }
        });
        Map<String, List<Line>> dimensions = new LinkedHashMap<>();
        Map<String, List<Line>> unallocated = new LinkedHashMap<>();
        totals.forEach((dim, values) -> {
            List<Line> lines = new ArrayList<>();
            values.forEach((key, v) -> lines.add(new Line(key.get(0), key.get(1), v[0], v[1], v[1].subtract(v[0]))));
            dimensions.put(dim, lines);
            unallocated.put(dim, lines.stream().filter(l -> l.value().equals(UNALLOCATED)).toList());
        });
        return new Result(month, dimensions, unallocated);
    }

    private static String bucket(String value) {
        return value == null || value.isEmpty() ? UNALLOCATED : value;
    }

    private static void add(Map<List<String>, BigDecimal[]> dim, String value, String currency, int slot, BigDecimal cost) {
        BigDecimal[] v = dim.computeIfAbsent(List.of(value, currency), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        v[slot] = v[slot].add(cost);
    }
}
