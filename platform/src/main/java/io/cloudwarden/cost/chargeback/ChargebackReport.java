package io.cloudwarden.cost.chargeback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A showback/chargeback of one month by one allocation dimension. Amounts are in the billing currency, rounded to
 * cents; every currency is reported separately. {@code percentOfTotal} is the line's share of the currency's
 * total EffectiveCost.
 */
public record ChargebackReport(YearMonth month, String dimension, List<Line> lines, Map<String, Totals> totals,
                               List<Pool> pools) {

    /** One dimension value (or "(unallocated)") in one currency. */
    @Schema(name = "ChargebackLine")
    public record Line(String value, String currency, BigDecimal directEffectiveCost, BigDecimal sharedEffectiveCost,
                       BigDecimal totalEffectiveCost, BigDecimal directBilledCost, BigDecimal sharedBilledCost,
                       BigDecimal totalBilledCost, BigDecimal percentOfTotal, List<String> allocationRuleIds,
                       List<String> sharedCostRuleIds) {
    }

    /** Totals of one currency. */
    public record Totals(BigDecimal effectiveCost, BigDecimal billedCost) {
    }

    /** One shared-cost pool of the month and how it was split (EffectiveCost shares). */
    public record Pool(String ruleId, String name, String method, String currency, BigDecimal effectiveCost,
                       BigDecimal billedCost, Map<String, BigDecimal> shares) {
    }
}
