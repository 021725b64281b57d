package io.cloudwarden.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.identity.rate-limit.*} (ADR 24).
 *
 * @param enabled                 whether requests are rate limited at all (default true)
 * @param requestsPerMinute       authenticated requests per minute per active tenant (default 1000)
 * @param apiKeyRequestsPerMinute requests per minute per API key, on top of its tenant's limit (default: requestsPerMinute)
 * @param loginAttemptsPerMinute  unauthenticated auth requests (login, sign-up, password reset...; not refresh or logout) per minute per source address (default 30)
 * @param tenantOverrides         per-tenant requests per minute, by tenant id
 * @param localShare              share of a limit a node may consume locally before it synchronizes with the shared
 *                                bucket, in per mille (default 20 = 2%); 0 synchronizes every request
 */
@ConfigurationProperties("cloudwarden.identity.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer requestsPerMinute, Integer apiKeyRequestsPerMinute,
                                  Integer loginAttemptsPerMinute, Map<UUID, Integer> tenantOverrides, Integer localShare) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        requestsPerMinute = requestsPerMinute == null ? 1000 : requestsPerMinute;
        apiKeyRequestsPerMinute = apiKeyRequestsPerMinute == null ? requestsPerMinute : apiKeyRequestsPerMinute;
        loginAttemptsPerMinute = loginAttemptsPerMinute == null ? 30 : loginAttemptsPerMinute;
        tenantOverrides = tenantOverrides == null ? Map.of() : Map.copyOf(tenantOverrides);
        localShare = localShare == null ? 20 : localShare;
        if (requestsPerMinute < 1 || apiKeyRequestsPerMinute < 1 || loginAttemptsPerMinute < 1 || localShare < 0 || localShare > 500
                || tenantOverrides.values().stream().anyMatch(v -> v == null || v < 1)) {
            throw new IllegalArgumentException("cloudwarden.identity.rate-limit: limits must be at least 1 per minute and "
                    + "local-share from 0 to 500 per mille");
        }
    }

    /** The limit of {@code tenant}: its override, else the default. */
    int tenantLimit(UUID tenant) {
        return tenantOverrides.getOrDefault(tenant, requestsPerMinute);
    }
}
