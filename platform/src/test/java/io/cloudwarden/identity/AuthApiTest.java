package io.cloudwarden.identity;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestDatabaseInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class AuthApiTest {

    @LocalServerPort
    int port;

    @Test
    void loginReturnsABearerTokenThatOpensTheApi() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response login = api.post("/api/v1/auth/login", Map.of("username", "admin", "password", TestDatabaseInitializer.ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.body().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.body().get("accessToken").asString()).contains(".");
        assertThat(api.loginAsAdmin().get("/api/v1/accounts").status()).isEqualTo(200);
    }

    @Test
    void usernameIsCaseInsensitive() {
        assertThat(new ApiClient(port).post("/api/v1/auth/login",
                Map.of("username", "ADMIN", "password", TestDatabaseInitializer.ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameProblem() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response wrong = api.post("/api/v1/auth/login", Map.of("username", "admin", "password", "not-the-password"));
        ApiClient.Response unknown = api.post("/api/v1/auth/login", Map.of("username", "nobody", "password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("detail")).isEqualTo(wrong.body().get("detail"));
    }

    @Test
    void everyApiNeedsAToken() {
        ApiClient anonymous = new ApiClient(port);
        for (String path : new String[] {"/api/v1/accounts", "/api/v1/resources", "/api/v1/connectors", "/api/v1/resources/facets"}) {
            ApiClient.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.code()).as(path).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void aForgedOrDamagedTokenIsRejected() {
        ApiClient api = new ApiClient(port);
        String token = api.post("/api/v1/auth/login", Map.of("username", "admin", "password", TestDatabaseInitializer.ADMIN_PASSWORD))
                .body().get("accessToken").asString();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/accounts"))
                    .header("Authorization", "Bearer " + tampered).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void healthJwksAndApiDocsAreOpen() {
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/.well-known/jwks.json").body().get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(anonymous.get("/v3/api-docs").body().get("paths").has("/api/v1/accounts")).isTrue();
    }

    @Test
    void malformedJsonAndUnknownFieldsAreExplained() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response broken = api.postRaw("/api/v1/auth/login", "{\"username\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("MALFORMED_REQUEST");
        ApiClient.Response unknown = api.postRaw("/api/v1/auth/login", "{\"username\":\"a\",\"password\":\"b\",\"tenant\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asString()).contains("tenant");
    }
}
