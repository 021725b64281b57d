package io.cloudwarden.cost;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Allocation rules, shared-cost rules, a budget or a saved explorer filter were created, replaced or deleted.
 * Published inside the transaction of the change.
 *
 * @param what   {@code allocation_rules}, {@code shared_cost_rules}, {@code budget} or {@code saved_filter}
 * @param change {@code replaced}, {@code created}, {@code updated} or {@code deleted}
 * @param target e.g. {@code budget:<id>}, {@code saved_filter:<id>}, or null for a rule list
 * @param count  number of rules in the new list (0 for a budget, the number of filters for a saved filter)
 */
public record CostSettingsChanged(TenantId tenantId, String what, String change, String target, String name, int count,
                                  String actor, String sourceIp, Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "cost." + what + "." + change;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        if (name != null) {
            d.put("name", name);
        }
        d.put("count", count);
        return d;
    }
}
