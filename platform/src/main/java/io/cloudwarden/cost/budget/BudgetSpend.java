package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.allocation.AllocationApplier;
import io.cloudwarden.cost.allocation.AllocationRule;
import io.cloudwarden.cost.explorer.CostDimension;
import io.cloudwarden.cost.explorer.CostExplorer;
import io.cloudwarden.cost.explorer.ExplorerQuery;
import io.cloudwarden.cost.explorer.SavedFilters;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Daily EffectiveCost of a budget's scope in its currency. TENANT, BILLING_ACCOUNT, TEAM, SERVICE and SAVED_FILTER
 * scopes are explorer filters and are summed by the explorer itself ({@link CostExplorer#totalsByPeriod}), so a budget
 * measures exactly what the explorer shows for the same filters. TAG reads the period's cost rows and matches the key
 * the way allocation rules do (normalised key, case-insensitive value), which the explorer's exact tag filter does not.
 */
@Component
class BudgetSpend {

    private final JdbcClient jdbc;
    private final AllocationApplier applier;
    private final CostExplorer explorer;
    private final SavedFilters savedFilters;

    BudgetSpend(JdbcClient jdbc, AllocationApplier applier, CostExplorer explorer, SavedFilters savedFilters) {
        this.jdbc = jdbc;
        this.applier = applier;
        this.explorer = explorer;
        this.savedFilters = savedFilters;
    }

    /** Spend per day of {@code span} up to {@code until} (inclusive); days without spend are absent. Runs in the tenant's context. */
    Map<LocalDate, BigDecimal> daily(TenantId tenant, Budget b, BudgetPeriods.Span span, LocalDate until) {
        LocalDate last = until.isBefore(span.end()) ? until : span.end();
        if (last.isBefore(span.start())) {
            return new TreeMap<>();
        }
        if (b.scope().type() == Budget.ScopeType.TAG) {
            return tagged(tenant, b, span.start(), last);
        }
        return explorer.totalsByPeriod(ExplorerQuery.dailyTotal(ExplorerQuery.Metric.EFFECTIVE_COST, filters(b.scope()), span.start(),
                last.plusDays(1), b.currency()));
    }

    /** The explorer filters a scope stands for. */
    private List<ExplorerQuery.Filter> filters(Budget.Scope s) {
        return switch (s.type()) {
            case TENANT -> List.of();
            case BILLING_ACCOUNT -> List.of(equal(CostDimension.ACCOUNT, s.value()));
            case TEAM -> List.of(equal(CostDimension.TEAM, s.value()));
            case SERVICE -> List.of(equal(CostDimension.SERVICE, s.value()));
            case SAVED_FILTER -> savedFilters.get(s.savedFilterId()).parsedFilters();
            case TAG -> throw new IllegalStateException("TAG scopes read cost rows");
        };
    }

    private static ExplorerQuery.Filter equal(CostDimension d, String value) {
        return new ExplorerQuery.Filter(new ExplorerQuery.Dimension(d, null), false, List.of(value));
    }

    private Map<LocalDate, BigDecimal> tagged(TenantId tenant, Budget b, LocalDate from, LocalDate to) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("tenant", tenant.value(), "from", from, "to", to, "currency", b.currency()));
        String where = "tenant_id = :tenant and billing_currency = :currency"
                + " and charge_period_start >= cast(:from as date)::timestamp at time zone 'UTC'"
                + " and charge_period_start < (cast(:to as date) + 1)::timestamp at time zone 'UTC'";
        String[] kv = b.scope().value().split("=", 2);
        var matcher = applier.matcher(List.of(List.of(new AllocationRule.Condition(AllocationRule.Field.TAG, kv[0],
                AllocationRule.Op.EQUALS, List.of(kv[1])))), where, params);
        params.putAll(matcher.params());
        String sql = "select (charge_period_start at time zone 'UTC')::date, sum(coalesce(effective_cost, billed_cost)) from cost_rows where "
                + where + " and (" + matcher.indexExpression() + ") = 1 group by 1";
        Map<LocalDate, BigDecimal> out = new TreeMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            out.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
        });
        return out;
    }
}
