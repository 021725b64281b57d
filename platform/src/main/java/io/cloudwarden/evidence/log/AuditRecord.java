package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is appended: the members of an entry except its index, which the ledger assigns.
 *
 * @param details action-specific facts (JSON-compatible values: strings, numbers, booleans, lists, maps);
 *                never secrets
 */
public record AuditRecord(TenantId tenant, Instant occurredAt, String actor, String action,
                          AuditableEvent.Outcome outcome, String target, String sourceIp, Map<String, Object> details) {

    public AuditRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : details;
    }

    /** The record of a published event. */
    public static AuditRecord of(AuditableEvent event) {
        return new AuditRecord(event.tenantId(), event.occurredAt(), event.actor(), event.action(), event.outcome(),
                event.target(), event.sourceIp(), event.details());
    }
}
