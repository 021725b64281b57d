package io.cloudwarden.security;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API4 (unrestricted resource consumption): with a tiny limit a tenant's sixth request in a minute is
 * answered 429 RATE_LIMITED with Retry-After, another tenant is unaffected, and unauthenticated login
 * attempts are limited per source address.
 */
@PlatformTest
@TestPropertySource(properties = {
        "cloudwarden.identity.rate-limit.requests-per-minute=5",
        "cloudwarden.identity.rate-limit.login-attempts-per-minute=4"})
class RateLimitApiTest {

    static final String PASSWORD = "a-long-enough-password-42";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;

    @Test
    void aTenantOverItsLimitIsToldWhenToRetryOthersAndLoginsPerAddressAreLimited() {
        TenantId busy = identity.createTenant("Busy Corp", "CUSTOMER", null).id();
        identity.createUser(busy, "busy", PASSWORD, List.of("ADMIN"));
        TenantId quiet = identity.createTenant("Quiet Corp", "CUSTOMER", null).id();
        identity.createUser(quiet, "quiet", PASSWORD, List.of("ADMIN"));
        ApiClient busyClient = new ApiClient(port).login("busy", PASSWORD);   // login attempt 1 of 4 from 127.0.0.1
        ApiClient quietClient = new ApiClient(port).login("quiet", PASSWORD); // attempt 2

        for (int i = 0; i < 5; i++) {
            assertThat(busyClient.get("/api/v1/me").status()).as("request " + (i + 1)).isEqualTo(200);
        }
        var limited = RawHttp.send(port, "GET", "/api/v1/me", Map.of("Authorization", "Bearer " + busyClient.token()), null, false);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(quietClient.get("/api/v1/me").status()).as("another tenant has its own bucket").isEqualTo(200);

        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", "busy", "password", "wrong-password-123")).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", "busy", "password", "wrong-password-123")).status()).isEqualTo(401);
        ApiClient.Response fifth = anonymous.post("/api/v1/auth/login", Map.of("username", "busy", "password", PASSWORD));
        assertThat(fifth.status()).as("the fifth attempt from one address within a minute").isEqualTo(429);
        assertThat(fifth.code()).isEqualTo("RATE_LIMITED");
    }
}
