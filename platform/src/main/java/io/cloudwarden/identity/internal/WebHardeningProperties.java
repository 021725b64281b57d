package io.cloudwarden.identity.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code cloudwarden.web.*}: browser-facing hardening.
 *
 * @param cors                  cross-origin access
 * @param maxJsonBody           largest JSON (or other non-upload) request body, default 1MB; larger is 413 PAYLOAD_TOO_LARGE
 * @param maxUploadBody         largest upload body (multipart, octet-stream, gzip, zip, CSV), default 512MB, for
 *                              evidence files and cost exports; per-endpoint limits may be lower
 * @param contentSecurityPolicy the Content-Security-Policy header of every response
 */
@ConfigurationProperties("cloudwarden.web")
public record WebHardeningProperties(Cors cors, DataSize maxJsonBody, DataSize maxUploadBody, String contentSecurityPolicy) {

    /** The console's needs: own scripts only, MUI's emotion injects style elements, images may be data: URIs. */
    public static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * @param allowedOrigins origins (scheme://host[:port]) whose pages may call the API from a browser; default none
     */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    public WebHardeningProperties {
        cors = cors == null ? new Cors(List.of()) : cors;
        maxJsonBody = maxJsonBody == null ? DataSize.ofMegabytes(1) : maxJsonBody;
        maxUploadBody = maxUploadBody == null ? DataSize.ofMegabytes(512) : maxUploadBody;
        contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank() ? DEFAULT_CSP : contentSecurityPolicy;
    }
}
