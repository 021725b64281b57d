package io.cloudwarden.shared;

import java.time.Instant;

/**
 * An event that belongs in the tamper-evident audit log. The evidence module listens to this interface
 * only, so it depends on nothing domain-specific.
 */
public interface AuditableEvent {

    /** The tenant the fact belongs to. */
    TenantId tenantId();

    /** Who caused it: a user id, {@code system}, or a connector name. */
    String actor();

    /** What happened, dotted lower case, e.g. {@code identity.login.succeeded}. */
    String action();

    /** When it happened. */
    Instant occurredAt();
}
