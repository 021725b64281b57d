package io.cloudwarden.evidence.anchor;

import java.util.Optional;

/**
 * The record of anchoring attempts (table {@code audit_anchors}). Reads and writes apply to the tenant bound
 * to {@link io.cloudwarden.shared.TenantContext}; row-level security keeps tenants apart.
 */
public interface AnchorStore {

    /** Records an attempt; {@code attempt.tenant()} must be the bound tenant. */
    void record(AnchorRecord attempt);

    /** The successful anchoring of {@code origin} with the largest size at {@code target}. */
    Optional<AnchorRecord> lastAnchored(String target, String origin);
}
