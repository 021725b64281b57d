package io.cloudwarden.cost.explorer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A saved filter (a saved view) of the cost explorer (ADR 38): explorer filters in exactly the explorer's {@code filter}
 * syntax, ANDed with whatever a query adds, and optionally the view it was saved from. Budgets may be scoped by one.
 *
 * @param filters     {@code dimension=value} or {@code dimension!=value}, as the explorer's {@code filter} parameter;
 *                    values of one dimension are alternatives, different dimensions all apply
 * @param groupBy     optional: the explorer's {@code groupBy} to restore (at most two dimensions)
 * @param metric      optional: {@code BilledCost}, {@code EffectiveCost}, {@code ListCost} or {@code ContractedCost}
 * @param granularity optional: {@code day}, {@code week} or {@code month}
 */
public record SavedFilter(UUID id, String name, String description, List<String> filters, List<String> groupBy, String metric,
                          String granularity, String createdBy, Instant createdAt, Instant updatedAt) {

    /** The filters, parsed as the explorer parses them. */
    public List<ExplorerQuery.Filter> parsedFilters() {
        return ExplorerQuery.parseFilters(filters);
    }
}
