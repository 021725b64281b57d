package io.cloudwarden.cost.explorer;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures derived from the rollups: commitment and negotiated savings by the FOCUS formulas, one resource's cost
 * over time, and the overview's month-to-date summary.
 */
@Service
public class CostInsights {

    private final JdbcClient jdbc;

    CostInsights(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Savings of one period and pricing category, by the FOCUS formulas: negotiated = ListCost − ContractedCost,
     * commitment = ContractedCost − EffectiveCost, total = ListCost − EffectiveCost; the effective savings rate is
     * total / ListCost.
     */
    public record SavingsLine(LocalDate period, String pricingCategory, BigDecimal listCost, BigDecimal contractedCost,
                              BigDecimal effectiveCost, BigDecimal billedCost, BigDecimal negotiatedSavings,
                              BigDecimal commitmentSavings, BigDecimal totalSavings, BigDecimal effectiveSavingsRate) {
    }

    public record Savings(String currency, LocalDate from, LocalDate to, List<SavingsLine> lines, SavingsLine total) {
    }

    @Transactional(readOnly = true)
    public Savings savings(LocalDate from, LocalDate to, String currency) {
        TenantId tenant = TenantContext.require();
        String cur = currency != null ? currency : dominantCurrency(tenant, from, to);
        List<SavingsLine> lines = jdbc.sql("""
                select date_trunc('month', day)::date, pricing_category, sum(list_cost), sum(contracted_cost), sum(effective_cost),
                  sum(billed_cost)
                from cost_daily_rollup where tenant_id = ? and billing_currency = ? and day >= ? and day < ?
                group by 1, 2 order by 1, 2""").params(tenant.value(), cur, from, to)
                .query((rs, n) -> line(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6))).list();
        SavingsLine total = line(null, null, lines.stream().map(SavingsLine::listCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(SavingsLine::contractedCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(SavingsLine::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(SavingsLine::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new Savings(cur, from, to, lines, total);
    }

    private static SavingsLine line(LocalDate period, String category, BigDecimal list, BigDecimal contracted, BigDecimal effective,
                                    BigDecimal billed) {
        BigDecimal totalSavings = list.subtract(effective);
        BigDecimal rate = list.signum() == 0 ? null : totalSavings.divide(list, 6, RoundingMode.HALF_EVEN);
        return new SavingsLine(period, category, list, contracted, effective, billed, list.subtract(contracted),
                contracted.subtract(effective), totalSavings, rate);
    }

    /** One point of a resource's cost history. */
    public record ResourceCostPoint(LocalDate day, String serviceName, BigDecimal billedCost, BigDecimal effectiveCost) {
    }

    public record ResourceCost(String resourceId, String resourceName, String resourceType, String billingAccountId,
                               String currency, BigDecimal billedCost, BigDecimal effectiveCost, List<ResourceCostPoint> days) {
    }

    /** The daily cost of the resource whose FOCUS ResourceId (the provider's id) is {@code resourceId}. */
    @Transactional(readOnly = true)
    public ResourceCost resource(String resourceId, LocalDate from, LocalDate to) {
        TenantId tenant = TenantContext.require();
        List<ResourceCostPoint> days = jdbc.sql("""
                select (charge_period_start at time zone 'UTC')::date, coalesce(service_name, ''), sum(billed_cost),
                  coalesce(sum(effective_cost), 0) from cost_rows
                where tenant_id = ? and resource_id = ? and charge_period_start >= (?::date)::timestamp at time zone 'UTC'
                  and charge_period_start < (?::date)::timestamp at time zone 'UTC' group by 1, 2 order by 1, 2""")
                .params(tenant.value(), resourceId, from, to)
                .query((rs, n) -> new ResourceCostPoint(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4))).list();
        record Info(String name, String type, String account, String currency) {
        }
        Info info = jdbc.sql("""
                select resource_name, resource_type, billing_account_id, billing_currency from cost_rows
                where tenant_id = ? and resource_id = ? order by charge_period_start desc limit 1""").params(tenant.value(), resourceId)
                .query((rs, n) -> new Info(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional()
                .orElse(new Info(null, null, null, null));
        return new ResourceCost(resourceId, info.name(), info.type(), info.account(), info.currency(),
                days.stream().map(ResourceCostPoint::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                days.stream().map(ResourceCostPoint::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add), days);
    }

    /** A named amount, e.g. a top spender. */
    public record Amount(String name, BigDecimal amount) {
    }

    /**
     * The overview's cost card: month-to-date EffectiveCost against the same days of last month and the whole of last
     * month, the top services this month, and the share of this month's cost no allocation rule assigned a team.
     */
    public record Summary(String currency, LocalDate monthStart, LocalDate asOf, BigDecimal monthToDate,
                          BigDecimal lastMonthSameDays, BigDecimal lastMonthTotal, List<Amount> topServices,
                          BigDecimal unallocatedPercent, boolean hasData) {
    }

    @Transactional(readOnly = true)
    public Summary summary(LocalDate today) {
        TenantId tenant = TenantContext.require();
        // the latest day with data stands in for "today" when exports lag behind (they usually do by a day or more)
        LocalDate latest = jdbc.sql("select max(day) from cost_daily_rollup where tenant_id = ? and day <= ?")
                .params(tenant.value(), today).query(LocalDate.class).optional().orElse(null);
        if (latest == null) {
            return new Summary(null, today.withDayOfMonth(1), today, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                    null, false);
        }
        LocalDate monthStart = latest.withDayOfMonth(1);
        LocalDate lastStart = monthStart.minusMonths(1);
        String cur = dominantCurrency(tenant, lastStart, latest.plusDays(1));
        BigDecimal mtd = sum(tenant, cur, monthStart, latest.plusDays(1));
        LocalDate sameDayLastMonth = lastStart.plusDays(Math.min(latest.getDayOfMonth(), lastStart.lengthOfMonth()));
        BigDecimal lastSame = sum(tenant, cur, lastStart, sameDayLastMonth);
        BigDecimal lastTotal = sum(tenant, cur, lastStart, monthStart);
        List<Amount> top = jdbc.sql("""
                select service_name, sum(effective_cost) from cost_daily_rollup
                where tenant_id = ? and billing_currency = ? and day >= ? and day < ? group by 1 order by 2 desc limit 5""")
                .params(tenant.value(), cur, monthStart, latest.plusDays(1))
                .query((rs, n) -> new Amount(rs.getString(1).isEmpty() ? "(none)" : rs.getString(1), rs.getBigDecimal(2))).list();
        BigDecimal unallocated = jdbc.sql("""
                select sum(effective_cost) filter (where alloc_team = '') from cost_daily_rollup
                where tenant_id = ? and billing_currency = ? and day >= ? and day < ?""")
                .params(tenant.value(), cur, monthStart, latest.plusDays(1)).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
        BigDecimal percent = mtd.signum() == 0 ? null
                : (unallocated == null ? BigDecimal.ZERO : unallocated).multiply(BigDecimal.valueOf(100)).divide(mtd, 2, RoundingMode.HALF_EVEN);
        return new Summary(cur, monthStart, latest, mtd, lastSame, lastTotal, top, percent, true);
    }

    private BigDecimal sum(TenantId tenant, String currency, LocalDate from, LocalDate to) {
        BigDecimal s = jdbc.sql("""
                select sum(effective_cost) from cost_daily_rollup where tenant_id = ? and billing_currency = ? and day >= ? and day < ?""")
                .params(tenant.value(), currency, from, to).query(BigDecimal.class).optional().orElse(null);
        return s == null ? BigDecimal.ZERO : s;
    }

    private String dominantCurrency(TenantId tenant, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select billing_currency from cost_daily_rollup where tenant_id = ? and day >= ? and day < ?
                group by 1 order by sum(billed_cost) desc limit 1""").params(tenant.value(), from, to)
                .query(String.class).optional().orElse("USD");
    }
}
