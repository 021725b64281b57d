package io.cloudwarden.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A budget's period as of a day: actual and projected spend, each threshold and whether (and when) it was crossed,
 * and the burn-down series (cumulative actual per day, null after the as-of day, against the linear budget line).
 */
public record BudgetStatus(UUID budgetId, String name, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                           BigDecimal amount, String currency, BigDecimal actual, BigDecimal projected, String projectionMethod,
                           BigDecimal percentUsed, List<Threshold> thresholds, List<BurnDownPoint> burnDown) {

    /** One threshold: its spend limit and the crossing recorded for it, if any. */
    public record Threshold(String kind, BigDecimal percent, BigDecimal limit, boolean crossed, Instant crossedAt) {
    }

    /** One day of the burn-down chart. */
    public record BurnDownPoint(LocalDate day, BigDecimal actualCumulative, BigDecimal budgetLine) {
    }
}
