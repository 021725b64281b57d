package io.cloudwarden.identity;

import java.util.List;
import java.util.UUID;

/**
 * A tenant's identity settings.
 *
 * @param mfaRequired            whether every user must sign in with a second factor
 * @param sessionLifetimeMinutes how long a session (refresh-token family) lives without re-authentication
 * @param selfSignupEnabled      whether people may sign up to this tenant themselves
 * @param allowedSsoProviders    the SSO providers users may sign in with; empty means every enabled provider
 * @param ipAllowList            CIDR ranges requests must come from; empty means any address
 */
public record TenantSettings(boolean mfaRequired, int sessionLifetimeMinutes, boolean selfSignupEnabled,
                             List<UUID> allowedSsoProviders, List<String> ipAllowList) {

    public static final TenantSettings DEFAULTS = new TenantSettings(false, 720, false, List.of(), List.of());
}
