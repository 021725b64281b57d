package io.cloudwarden.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.identity.*}.
 *
 * @param accessTokenTtl      lifetime of access tokens (default 15 minutes)
 * @param issuer              the {@code iss} claim
 * @param bootstrapTenant     name of the tenant created on first start, with its admin user
 * @param bootstrapAdmin      username of that admin
 * @param adminPassword       its password ({@code CLOUDWARDEN_ADMIN_PASSWORD}); generated and printed once when blank
 * @param bootstrapOnStart    whether the bootstrap tenant and admin are ensured when the application starts
 * @param publicMetrics       whether {@code /actuator/prometheus} answers without a token (counters only, no tenant data)
 * @param signingKeyRotation  how old the signing key may get before a new one replaces it (default 30 days)
 * @param denylistRefresh     how often each node re-reads the revoked sessions (default 2 s): the bound on how long
 *                            another node may still accept a revoked session's access token
 * @param mail                outgoing mail (invitations, verification, password reset)
 */
@ConfigurationProperties("cloudwarden.identity")
public record IdentityProperties(Duration accessTokenTtl, String issuer, String bootstrapTenant, String bootstrapAdmin,
                                 String adminPassword, Boolean bootstrapOnStart, Boolean publicMetrics,
                                 Duration signingKeyRotation, Duration denylistRefresh, Mail mail) {

    public IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        issuer = issuer == null || issuer.isBlank() ? "cloudwarden" : issuer;
        bootstrapTenant = bootstrapTenant == null || bootstrapTenant.isBlank() ? "Default" : bootstrapTenant;
        bootstrapAdmin = bootstrapAdmin == null || bootstrapAdmin.isBlank() ? "admin" : bootstrapAdmin;
        bootstrapOnStart = bootstrapOnStart == null || bootstrapOnStart;
        publicMetrics = publicMetrics == null || publicMetrics;
        signingKeyRotation = signingKeyRotation == null ? Duration.ofDays(30) : signingKeyRotation;
        denylistRefresh = denylistRefresh == null ? Duration.ofSeconds(2) : denylistRefresh;
        mail = mail == null ? new Mail(null, null) : mail;
    }

    /**
     * {@code cloudwarden.identity.mail.*}; the SMTP server itself is {@code spring.mail.*}.
     *
     * @param from           the sender address
     * @param consoleBaseUrl the console's public URL, prefix of the links in mails
     */
    public record Mail(String from, String consoleBaseUrl) {
        public Mail {
            from = from == null || from.isBlank() ? "cloudwarden@localhost" : from;
            consoleBaseUrl = consoleBaseUrl == null || consoleBaseUrl.isBlank() ? "http://localhost:8080"
                    : consoleBaseUrl.replaceAll("/+$", "");
        }
    }
}
