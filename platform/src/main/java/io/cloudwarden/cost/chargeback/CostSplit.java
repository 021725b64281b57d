package io.cloudwarden.cost.chargeback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits an amount in cents by weights so that the shares sum to the amount exactly: each share is rounded
 * (half-even) to cents, and what rounding left over goes to the largest share (by absolute value; the first of
 * equal ones, in the weights' order).
 */
final class CostSplit {

    private CostSplit() {
    }

    /** @param weights non-negative, with a positive sum */
    static Map<String, BigDecimal> split(BigDecimal amount, Map<String, BigDecimal> weights) {
        BigDecimal pool = amount.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal assigned = BigDecimal.ZERO;
        String largest = null;
        for (var w : weights.entrySet()) {
            BigDecimal share = pool.multiply(w.getValue()).divide(total, 2, RoundingMode.HALF_EVEN);
            shares.put(w.getKey(), share);
            assigned = assigned.add(share);
            if (largest == null || share.abs().compareTo(shares.get(largest).abs()) > 0) {
                largest = w.getKey();
            }
        }
        shares.merge(largest, pool.subtract(assigned), BigDecimal::add);
        return shares;
    }
}
