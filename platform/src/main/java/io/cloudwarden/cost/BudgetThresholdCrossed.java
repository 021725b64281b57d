package io.cloudwarden.cost;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Spend of a budget's period reached one of its thresholds, on actual or on projected spend. Published once per
 * (budget, period, kind, threshold), inside the evaluation's transaction.
 *
 * @param kind             {@code ACTUAL} or {@code PROJECTED}
 * @param thresholdPercent the threshold, in percent of the budget amount
 * @param spend            actual spend to date, or the projection ({@code RUN_RATE_MTD})
 */
public record BudgetThresholdCrossed(TenantId tenantId, UUID budgetId, String budgetName, LocalDate periodStart,
                                     String kind, BigDecimal thresholdPercent, BigDecimal amount, BigDecimal spend,
                                     String currency, Instant occurredAt) implements AuditableEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "cost.budget.threshold_crossed";
    }

    @Override
    public String target() {
        return "budget:" + budgetId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("budget", budgetName);
        d.put("periodStart", periodStart.toString());
        d.put("kind", kind);
        d.put("thresholdPercent", thresholdPercent.toPlainString());
        d.put("amount", amount.toPlainString());
        d.put("spend", spend.toPlainString());
        d.put("currency", currency);
        return d;
    }
}
