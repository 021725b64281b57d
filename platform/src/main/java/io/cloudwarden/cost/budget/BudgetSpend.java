package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.allocation.AllocationApplier;
import io.cloudwarden.cost.allocation.AllocationRule;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Daily EffectiveCost of a budget's scope in its currency. Every scope reads the daily rollup except TAG, which
 * reads the period's cost rows (the rollup has no tags) and matches the key the way allocation rules do.
 */
@Component
class BudgetSpend {

    private final JdbcClient jdbc;
    private final AllocationApplier applier;

    BudgetSpend(JdbcClient jdbc, AllocationApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    /** Spend per day of {@code span} up to {@code until} (inclusive); days without spend are absent. */
    Map<LocalDate, BigDecimal> daily(TenantId tenant, Budget b, BudgetPeriods.Span span, LocalDate until) {
        LocalDate last = until.isBefore(span.end()) ? until : span.end();
        Map<LocalDate, BigDecimal> out = new TreeMap<>();
        if (last.isBefore(span.start())) {
            return out;
        }
        Map<String, Object> params = new LinkedHashMap<>(Map.of("tenant", tenant.value(), "from", span.start(), "to", last,
                "currency", b.currency()));
        String sql;
        if (b.scope().type() == Budget.ScopeType.TAG) {
            String where = "tenant_id = :tenant and billing_currency = :currency"
                    + " and charge_period_start >= cast(:from as date)::timestamp at time zone 'UTC'"
                    + " and charge_period_start < (cast(:to as date) + 1)::timestamp at time zone 'UTC'";
            String[] kv = b.scope().value().split("=", 2);
            var matcher = applier.matcher(List.of(List.of(new AllocationRule.Condition(AllocationRule.Field.TAG, kv[0],
                    AllocationRule.Op.EQUALS, List.of(kv[1])))), where, params);
            params.putAll(matcher.params());
            sql = "select (charge_period_start at time zone 'UTC')::date, sum(coalesce(effective_cost, billed_cost)) from cost_rows where "
                    + where + " and (" + matcher.indexExpression() + ") = 1 group by 1";
        } else {
            sql = "select day, sum(effective_cost) from cost_daily_rollup where tenant_id = :tenant and billing_currency = :currency"
                    + " and day between :from and :to and " + rollupScope(b.scope(), params) + " group by 1";
        }
        jdbc.sql(sql).params(params).query(rs -> {
            out.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
        });
        return out;
    }

    private static String rollupScope(Budget.Scope s, Map<String, Object> params) {
        params.put("v", s.value() == null ? "" : s.value());
        return switch (s.type()) {
            case TENANT -> "true";
            case BILLING_ACCOUNT -> "billing_account_id = :v";
            case TEAM -> "alloc_team = :v";
            case SERVICE -> "service_name = :v";
            case FILTER -> {
                List<String> parts = new ArrayList<>();
                int i = 0;
                for (String key : s.filter().propertyNames()) {
                    List<String> in = new ArrayList<>();
                    for (var v : s.filter().get(key)) {
                        params.put("f" + i, v.asString());
                        in.add(":f" + i++);
                    }
                    parts.add(BudgetValidation.FILTER_COLUMNS.get(key) + " in (" + String.join(", ", in) + ")");
                }
                yield String.join(" and ", parts);
            }
            case TAG -> throw new IllegalStateException("TAG scopes read cost rows");
        };
    }
}
