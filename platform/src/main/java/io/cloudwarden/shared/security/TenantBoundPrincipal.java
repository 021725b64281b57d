package io.cloudwarden.shared.security;

import io.cloudwarden.shared.TenantId;

/**
 * An authenticated principal that belongs to a tenant other than through a JWT {@code tid} claim, e.g. an
 * API key. Identity's tenant binding takes its home tenant from it (then applies the X-Cloudwarden-Tenant
 * switch, IP allow-lists and rate limits exactly as for users).
 */
public interface TenantBoundPrincipal {

    /** The tenant the principal belongs to. */
    TenantId homeTenant();
}
