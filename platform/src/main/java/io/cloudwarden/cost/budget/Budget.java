package io.cloudwarden.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A budget (ADR 30): what spend it covers ({@link Scope}), per which period, how much, and at which percentages of
 * the amount it alerts, on actual and on projected spend. Spend is EffectiveCost in {@code currency}.
 *
 * @param monthlyAmounts MONTHLY budgets only: amount per month of the year ("1" to "12") overriding {@code amount}
 * @param thresholds     percentages of the amount; default 50, 80, 100 on both
 */
public record Budget(UUID id, String name, Scope scope, Period period, BigDecimal amount, Map<String, BigDecimal> monthlyAmounts,
                     String currency, Thresholds thresholds, Instant createdAt, Instant updatedAt) {

    /** The budget period. */
    public enum Period { MONTHLY, QUARTERLY, ANNUAL }

    /** What the budget covers. */
    public enum ScopeType { TENANT, BILLING_ACCOUNT, TEAM, TAG, SERVICE, SAVED_FILTER }

    /**
     * @param value         the billing account id, team, service name, or {@code key=value} for TAG (key normalised)
     * @param savedFilterId SAVED_FILTER only: the saved explorer filter whose rows the budget covers (ADR 38)
     */
    public record Scope(ScopeType type, String value, UUID savedFilterId) {
    }

    /** Threshold percentages on actual and on projected spend. */
    public record Thresholds(List<BigDecimal> actual, List<BigDecimal> projected) {

        static final Thresholds DEFAULT = new Thresholds(pcts(50, 80, 100), pcts(50, 80, 100));

        private static List<BigDecimal> pcts(int... p) {
            return java.util.Arrays.stream(p).mapToObj(BigDecimal::valueOf).toList();
        }
    }
}
