package io.cloudwarden.cost;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cost import ended: its rows replaced the billing periods it covered ({@code SUCCEEDED}), or nothing changed
 * because the file was refused ({@code REFUSED}) or could not be stored ({@code FAILED}).
 */
public record CostImportFinished(TenantId tenantId, UUID importId, String actor, String fileName, String status, String format,
                                 long rowsAccepted, long rowsQuarantined, List<String> billingAccountIds, String error,
                                 Instant occurredAt) implements AuditableEvent {

    @Override
    public String action() {
        return "cost.import." + status.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Outcome outcome() {
        return "SUCCEEDED".equals(status) ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    @Override
    public String target() {
        return "cost-import:" + importId;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", fileName);
        if (format != null) {
            d.put("format", format);
        }
        d.put("rowsAccepted", rowsAccepted);
        d.put("rowsQuarantined", rowsQuarantined);
        d.put("billingAccounts", billingAccountIds);
        if (error != null) {
            d.put("error", error);
        }
        return d;
    }
}
