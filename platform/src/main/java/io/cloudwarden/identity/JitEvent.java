package io.cloudwarden.identity;

import io.cloudwarden.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The just-in-time elevation events share their shape: which request, whose, for which role. Each is published
 * inside the transaction of the change it records.
 */
public sealed interface JitEvent extends AuditableEvent
        permits JitRequested, JitApproved, JitDenied, JitRevoked, JitGrantExpired {

    /** The access request (and grant) id. */
    UUID requestId();

    /** The user who asked for (and holds) the elevation. */
    UUID userId();

    /** The role asked for. */
    String role();

    @Override
    default String target() {
        return "access-request:" + requestId();
    }

    /** Request, user and role, plus the event's own facts. */
    default Map<String, Object> baseDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userId", userId().toString());
        details.put("role", role());
        return details;
    }
}
