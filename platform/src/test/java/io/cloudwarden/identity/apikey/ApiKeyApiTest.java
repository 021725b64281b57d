package io.cloudwarden.identity.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ApiKeyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createUseRecordRevoke() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        ApiClient.Response created = admin.post("/api/v1/api-keys", body("ci pipeline", List.of("ADMIN"), inDays(30)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String key = created.body().get("key").asString();
        String id = created.body().get("id").asString();
        assertThat(key).startsWith("cw_").hasSize(46);
        assertThat(created.body().get("prefix").asString()).isEqualTo(key.substring(0, 9));

        // the list never shows the secret, or anything but the prefix of it
        ApiClient.Response list = admin.get("/api/v1/api-keys");
        assertThat(list.raw()).doesNotContain(key).doesNotContain(key.substring(9));
        JsonNode listed = find(list.body(), id);
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.get("lastUsedAt").isNull()).isTrue();
        assertThat(listed.get("createdBy").asString()).startsWith("user:");

        assertThat(call("/api/v1/accounts", "ApiKey " + key)).isEqualTo(200);
        JsonNode used = find(admin.get("/api/v1/api-keys").body(), id);
        assertThat(used.get("lastUsedAt").isNull()).isFalse();

        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(call("/api/v1/accounts", "ApiKey " + key)).isEqualTo(401);
        assertThat(find(admin.get("/api/v1/api-keys").body(), id).get("revokedAt").isNull()).isFalse();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String audit = admin.get("/api/v1/audit/entries?action=identity&limit=100").raw();
            assertThat(audit).contains("identity.api-key.created").contains("identity.api-key.revoked").doesNotContain(key);
        });
    }

    @Test
    void unknownMalformedAndExpiredKeysAreRefused() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        ApiClient.Response created = admin.post("/api/v1/api-keys", body("short lived", List.of("ADMIN"), inDays(1)));
        String key = created.body().get("key").asString();
        assertThat(call("/api/v1/accounts", "ApiKey " + key)).isEqualTo(200);

        TenantId tenant = identity.findTenantIdByName("Test").orElseThrow();
        TenantContext.runAs(tenant, () -> jdbc.sql("update api_keys set expires_at = now() - interval '1 second' where id = ?")
                .param(UUID.fromString(created.body().get("id").asString())).update());
        assertThat(call("/api/v1/accounts", "ApiKey " + key)).isEqualTo(401);
        assertThat(call("/api/v1/accounts", "ApiKey " + "cw_" + "A".repeat(43))).isEqualTo(401);
        assertThat(call("/api/v1/accounts", "ApiKey not-a-key")).isEqualTo(401);
    }

    @Test
    void expiryIsRequiredAndAtMostAYear() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        ApiClient.Response none = admin.post("/api/v1/api-keys", Map.of("name", "no expiry", "roles", List.of("ADMIN")));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(none.raw()).contains("expiresAt");
        assertThat(admin.post("/api/v1/api-keys", body("too long", List.of("ADMIN"), inDays(400))).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/api-keys", body("past", List.of("ADMIN"), inDays(-1))).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/api-keys", body("no roles", List.of(), inDays(10))).status()).isEqualTo(400);
    }

    @Test
    void aKeyNeverHoldsARoleItsCreatorLacks() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        ApiClient.Response escalated = admin.post("/api/v1/api-keys", body("msp", List.of("ADMIN", "MSP_ADMIN"), inDays(10)));
        assertThat(escalated.status()).isEqualTo(403);
        assertThat(escalated.code()).isEqualTo("ROLE_ESCALATION");
        assertThat(escalated.raw()).contains("MSP_ADMIN");

        TenantId tenant = identity.findTenantIdByName("Test").orElseThrow();
        String username = "viewer-" + UUID.randomUUID() + "@example.com";
        identity.createUser(tenant, username, "a-long-enough-password", List.of("VIEWER"));
        ApiClient viewer = new ApiClient(port).login(username, "a-long-enough-password");
        ApiClient.Response personalEscalation = viewer.post("/api/v1/me/api-keys", body("mine", List.of("ADMIN"), inDays(10)));
        assertThat(personalEscalation.status()).isEqualTo(403);
        assertThat(personalEscalation.code()).isEqualTo("ROLE_ESCALATION");

        ApiClient.Response mine = viewer.post("/api/v1/me/api-keys", body("mine", List.of("VIEWER"), inDays(10)));
        assertThat(mine.status()).isEqualTo(201);
        String id = mine.body().get("id").asString();
        assertThat(viewer.get("/api/v1/me/api-keys").body().size()).isEqualTo(1);
        assertThat(call("/api/v1/accounts", "ApiKey " + mine.body().get("key").asString())).isEqualTo(200);
        // the admin sees it among the tenant's keys, and a personal key is only its owner's to revoke via /me
        assertThat(find(admin.get("/api/v1/api-keys").body(), id)).isNotNull();
        assertThat(admin.delete("/api/v1/me/api-keys/" + id).status()).isEqualTo(404);
        assertThat(viewer.delete("/api/v1/me/api-keys/" + id).status()).isEqualTo(204);
        assertThat(call("/api/v1/accounts", "ApiKey " + mine.body().get("key").asString())).isEqualTo(401);
    }

    private static Map<String, Object> body(String name, List<String> roles, Instant expiresAt) {
        return Map.of("name", name, "roles", roles, "expiresAt", expiresAt.toString());
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("key " + id + " not listed in " + list);
    }

    private int call(String path, String authorization) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", authorization)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
