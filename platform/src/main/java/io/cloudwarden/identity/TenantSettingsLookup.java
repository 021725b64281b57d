package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;

/**
 * Read access to a tenant's identity settings for other modules and for the request filters. Answers come
 * from a per-node cache that is invalidated when the settings change on this node and expire after
 * {@code cloudwarden.identity.settings-cache-ttl} (default 30 s) for changes made on other nodes.
 */
public interface TenantSettingsLookup {

    /** The tenant's settings, {@link TenantSettings#DEFAULTS} when it never changed them. */
    TenantSettings settings(TenantId tenant);
}
