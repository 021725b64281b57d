package io.cloudwarden.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.identity.*}.
 *
 * @param accessTokenTtl    lifetime of access tokens (default 15 minutes)
 * @param issuer            the {@code iss} claim
 * @param bootstrapTenant   name of the tenant created on first start, with its admin user
 * @param bootstrapAdmin    username of that admin
 * @param adminPassword     its password ({@code CLOUDWARDEN_ADMIN_PASSWORD}); generated and printed once when blank
 * @param bootstrapOnStart  whether the bootstrap tenant and admin are ensured when the application starts
 * @param publicMetrics     whether {@code /actuator/prometheus} answers without a token (counters only, no tenant data)
 */
@ConfigurationProperties("cloudwarden.identity")
public record IdentityProperties(Duration accessTokenTtl, String issuer, String bootstrapTenant, String bootstrapAdmin,
                                 String adminPassword, Boolean bootstrapOnStart, Boolean publicMetrics) {

    public IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        issuer = issuer == null || issuer.isBlank() ? "cloudwarden" : issuer;
        bootstrapTenant = bootstrapTenant == null || bootstrapTenant.isBlank() ? "Default" : bootstrapTenant;
        bootstrapAdmin = bootstrapAdmin == null || bootstrapAdmin.isBlank() ? "admin" : bootstrapAdmin;
        bootstrapOnStart = bootstrapOnStart == null || bootstrapOnStart;
        publicMetrics = publicMetrics == null || publicMetrics;
    }
}
