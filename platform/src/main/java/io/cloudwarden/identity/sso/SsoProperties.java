package io.cloudwarden.identity.sso;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.identity.sso.*}.
 *
 * @param publicUrl   the URL browsers reach Cloudwarden at, e.g. {@code https://cloudwarden.example.com}; the
 *                    redirect URI to register is this plus {@code /api/v1/auth/sso/callback}. When blank it is
 *                    taken from each request, which is right only without a proxy in front.
 * @param loginTimeout how long a login may take between start and callback (default 10 minutes)
 * @param codeTtl     how long the one-time code the console exchanges is valid (default 60 seconds)
 * @param httpTimeout connect and read timeout of calls to identity providers (default 10 seconds)
 */
@ConfigurationProperties("cloudwarden.identity.sso")
public record SsoProperties(String publicUrl, Duration loginTimeout, Duration codeTtl, Duration httpTimeout) {

    public SsoProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null
                : publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        loginTimeout = loginTimeout == null ? Duration.ofMinutes(10) : loginTimeout;
        codeTtl = codeTtl == null ? Duration.ofSeconds(60) : codeTtl;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
    }
}
