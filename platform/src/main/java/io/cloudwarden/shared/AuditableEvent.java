package io.cloudwarden.shared;

import java.time.Instant;
import java.util.Map;

/**
 * An event that belongs in the tamper-evident audit log. The evidence module listens to this interface
 * only, so it depends on nothing domain-specific.
 *
 * <p>Publish it inside the transaction of the action it records: the ledger takes it in that transaction
 * (fail-closed), so the action and its audit record commit or roll back together.
 */
public interface AuditableEvent {

    /** How the recorded action ended. */
    enum Outcome {
        SUCCESS, FAILURE, DENIED;

        /** The lower-case form used in log entries. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The tenant the fact belongs to. */
    TenantId tenantId();

    /** Who caused it: {@code user:<id>}, {@code apikey:<id>}, {@code system}, or a connector name. */
    String actor();

    /** What happened, dotted lower case, e.g. {@code identity.login.succeeded}. */
    String action();

    /** When it happened. */
    Instant occurredAt();

    /** How it ended. */
    default Outcome outcome() {
        return Outcome.SUCCESS;
    }

    /** What it was done to, e.g. {@code account:<id>}; {@code null} when nothing in particular. */
    default String target() {
        return null;
    }

    /** The client address, when the action came over the network. */
    default String sourceIp() {
        return null;
    }

    /** Action-specific facts, JSON-compatible values only, never secrets. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
