package io.cloudwarden.cost.chargeback;

import io.cloudwarden.cost.allocation.AllocationApplier;
import io.cloudwarden.cost.allocation.AllocationPreview;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes showback/chargeback (ADR 29): one pass over the month's cost rows groups cost by dimension value and by
 * the first shared-cost pool (of the report's dimension) matching each row; pooled cost is then split over the
 * pool's targets. Unallocated direct cost is its own line, "(unallocated)".
 */
@Service
public class Chargeback {

    private static final Map<String, String> COLUMNS = Map.of("team", "alloc_team", "project", "alloc_project",
            "environment", "alloc_environment", "costCenter", "alloc_cost_center");

    private final JdbcClient jdbc;
    private final AllocationApplier applier;
    private final SharedCosts sharedCosts;

    Chargeback(JdbcClient jdbc, AllocationApplier applier, SharedCosts sharedCosts) {
        this.jdbc = jdbc;
        this.applier = applier;
        this.sharedCosts = sharedCosts;
    }

    /** Whether the report can be cut by {@code dimension}. */
    public static boolean knows(String dimension) {
        return COLUMNS.containsKey(dimension);
    }

    private static final BigDecimal CENTS_ZERO = BigDecimal.ZERO.setScale(2);

    private static final class Acc {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal sharedBilled = CENTS_ZERO;
        BigDecimal sharedEffective = CENTS_ZERO;
        final TreeSet<String> rules = new TreeSet<>();
        final TreeSet<String> sharedRules = new TreeSet<>();
    }

    /** The report of {@code month} by {@code dimension} for the tenant in context. */
    public ChargebackReport report(YearMonth month, String dimension) {
        TenantId tenant = TenantContext.require();
        List<SharedCostRule> pools = sharedCosts.list(tenant).stream().filter(r -> r.dimension().equals(dimension)).toList();
        String where = AllocationApplier.monthWhere();
        Map<String, Object> scope = AllocationApplier.monthParams(tenant, month);
        AllocationApplier.Matcher matcher = applier.matcher(pools.stream().map(SharedCostRule::conditions).toList(), where, scope);
        Map<String, Object> params = new LinkedHashMap<>(matcher.params());
        params.putAll(scope);
        // currency -> value -> accumulated direct cost; currency -> pool index -> [billed, effective]
        Map<String, Map<String, Acc>> direct = new TreeMap<>();
        Map<String, Map<Integer, BigDecimal[]>> pooled = new TreeMap<>();
        jdbc.sql("select coalesce(" + COLUMNS.get(dimension) + ", ''), billing_currency, " + matcher.indexExpression()
                        + ", sum(billed_cost), sum(coalesce(effective_cost, billed_cost)), string_agg(distinct alloc_rule_id::text, ' ')"
                        + " from cost_rows where " + where + " group by 1, 2, 3")
                .params(params).query(rs -> {
                    String value = rs.getString(1).isEmpty() ? AllocationPreview.UNALLOCATED : rs.getString(1);
                    String currency = rs.getString(2);
                    int pool = rs.getInt(3);
                    if (rs.wasNull()) {
                        Acc a = direct.computeIfAbsent(currency, k -> new TreeMap<>()).computeIfAbsent(value, k -> new Acc());
                        a.billed = a.billed.add(rs.getBigDecimal(4));
                        a.effective = a.effective.add(rs.getBigDecimal(5));
                        if (rs.getString(6) != null) {
                            a.rules.addAll(Arrays.asList(rs.getString(6).split(" ")));
                        }
                    } else {
                        BigDecimal[] p = pooled.computeIfAbsent(currency, k -> new TreeMap<>())
                                .computeIfAbsent(pool, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                        p[0] = p[0].add(rs.getBigDecimal(4));
                        p[1] = p[1].add(rs.getBigDecimal(5));
                    }
                });
        List<ChargebackReport.Pool> poolViews = new ArrayList<>();
        pooled.forEach((currency, byPool) -> {
            Map<String, Acc> lines = direct.computeIfAbsent(currency, k -> new TreeMap<>());
            direct.get(currency).values().forEach(a -> {
                a.billed = a.billed.setScale(2, RoundingMode.HALF_EVEN);
                a.effective = a.effective.setScale(2, RoundingMode.HALF_EVEN);
            });
            byPool.forEach((index, amounts) -> poolViews.add(split(pools.get(index - 1), currency, amounts, lines)));
        });
        return assemble(month, dimension, direct, poolViews);
    }

    private static ChargebackReport.Pool split(SharedCostRule rule, String currency, BigDecimal[] amounts, Map<String, Acc> lines) {
        Map<String, BigDecimal> weights = weights(rule, lines);
        Map<String, BigDecimal> effective;
        Map<String, BigDecimal> billed;
        if (weights.isEmpty()) { // nobody to charge: the pool stays unallocated
            effective = Map.of(AllocationPreview.UNALLOCATED, amounts[1].setScale(2, RoundingMode.HALF_EVEN));
            billed = Map.of(AllocationPreview.UNALLOCATED, amounts[0].setScale(2, RoundingMode.HALF_EVEN));
        } else {
            effective = CostSplit.split(amounts[1], weights);
            billed = CostSplit.split(amounts[0], weights);
        }
        effective.forEach((value, share) -> {
            Acc a = lines.computeIfAbsent(value, k -> new Acc());
            a.sharedEffective = a.sharedEffective.add(share);
            a.sharedBilled = a.sharedBilled.add(billed.get(value));
            a.sharedRules.add(rule.id().toString());
        });
        return new ChargebackReport.Pool(rule.id().toString(), rule.name(), rule.method().name(), currency,
                amounts[1].setScale(2, RoundingMode.HALF_EVEN), amounts[0].setScale(2, RoundingMode.HALF_EVEN), effective);
    }

    private static Map<String, BigDecimal> weights(SharedCostRule rule, Map<String, Acc> lines) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (rule.method() == SharedCostRule.Method.FIXED) {
            rule.targets().forEach(t -> weights.put(t.value(), t.percent()));
            return weights;
        }
        List<String> targets = rule.targets().isEmpty()
                ? lines.entrySet().stream().filter(e -> !e.getKey().equals(AllocationPreview.UNALLOCATED)
                        && (e.getValue().effective.signum() != 0 || e.getValue().billed.signum() != 0)).map(Map.Entry::getKey).toList()
                : rule.targets().stream().map(SharedCostRule.Target::value).toList();
        if (rule.method() == SharedCostRule.Method.PROPORTIONAL) {
            for (String t : targets) {
                Acc a = lines.get(t);
                BigDecimal w = a == null ? BigDecimal.ZERO : a.effective.max(BigDecimal.ZERO);
                weights.put(t, w);
            }
            if (weights.values().stream().anyMatch(w -> w.signum() > 0)) {
                return weights;
            }
            weights.clear(); // no direct cost to be proportional to: split evenly
        }
        targets.forEach(t -> weights.put(t, BigDecimal.ONE));
        return weights;
    }

    private static ChargebackReport assemble(YearMonth month, String dimension, Map<String, Map<String, Acc>> direct,
                                             List<ChargebackReport.Pool> pools) {
        List<ChargebackReport.Line> lines = new ArrayList<>();
        Map<String, ChargebackReport.Totals> totals = new TreeMap<>();
        direct.forEach((currency, values) -> {
            values.values().forEach(a -> {
                a.billed = a.billed.setScale(2, RoundingMode.HALF_EVEN);
                a.effective = a.effective.setScale(2, RoundingMode.HALF_EVEN);
            });
            BigDecimal effective = values.values().stream().map(a -> a.effective.add(a.sharedEffective)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal billed = values.values().stream().map(a -> a.billed.add(a.sharedBilled)).reduce(BigDecimal.ZERO, BigDecimal::add);
            totals.put(currency, new ChargebackReport.Totals(effective, billed));
            values.forEach((value, a) -> {
                BigDecimal total = a.effective.add(a.sharedEffective);
                BigDecimal pct = effective.signum() == 0 ? null
                        : total.multiply(BigDecimal.valueOf(100)).divide(effective, 2, RoundingMode.HALF_EVEN);
                lines.add(new ChargebackReport.Line(value, currency, a.effective, a.sharedEffective, total, a.billed,
                        a.sharedBilled, a.billed.add(a.sharedBilled), pct, List.copyOf(a.rules), List.copyOf(a.sharedRules)));
            });
        });
        lines.sort((x, y) -> x.currency().equals(y.currency()) ? y.totalEffectiveCost().compareTo(x.totalEffectiveCost())
                : x.currency().compareTo(y.currency()));
        return new ChargebackReport(month, dimension, lines, totals, pools);
    }
}
