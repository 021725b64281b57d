package io.cloudwarden.identity.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.identity.access.*}.
 *
 * @param permissionCacheTtl     how long a resolved permission set is reused (default 20 s, at most 30 s)
 * @param jitMinDurationMinutes  the shortest just-in-time grant (default 15; tests may lower it)
 * @param jitMaxDurationMinutes  the longest just-in-time grant (default 480)
 * @param expirySweepInterval    how often expired grants are marked EXPIRED and audited (default 30 s)
 */
@ConfigurationProperties("cloudwarden.identity.access")
public record AccessProperties(Duration permissionCacheTtl, Integer jitMinDurationMinutes, Integer jitMaxDurationMinutes,
                               Duration expirySweepInterval) {

    public AccessProperties {
        permissionCacheTtl = permissionCacheTtl == null ? Duration.ofSeconds(20) : permissionCacheTtl;
        if (permissionCacheTtl.compareTo(Duration.ofSeconds(30)) > 0 || permissionCacheTtl.isNegative()) {
            throw new IllegalArgumentException("cloudwarden.identity.access.permission-cache-ttl must be between 0 and 30s");
        }
        jitMinDurationMinutes = jitMinDurationMinutes == null ? 15 : jitMinDurationMinutes;
        jitMaxDurationMinutes = jitMaxDurationMinutes == null ? 480 : jitMaxDurationMinutes;
        if (jitMinDurationMinutes < 1 || jitMaxDurationMinutes > 480 || jitMinDurationMinutes > jitMaxDurationMinutes) {
            throw new IllegalArgumentException("JIT durations must satisfy 1 <= jit-min-duration-minutes <= jit-max-duration-minutes <= 480");
        }
        expirySweepInterval = expirySweepInterval == null ? Duration.ofSeconds(30) : expirySweepInterval;
    }
}
