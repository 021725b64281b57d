package io.cloudwarden.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole OpenID Connect login over real HTTP against a real OIDC provider (mock-oauth2-server) in this JVM. */
@PlatformTest
class OidcSsoApiTest {

    static final String CLIENT_ID = "cloudwarden-test";
    static final String CLIENT_SECRET = "client-secret-that-must-never-leak";
    static MockOAuth2Server idp;

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startProvider() {
        idp = new MockOAuth2Server();
        idp.start(0);
    }

    @AfterAll
    static void stopProvider() {
        idp.shutdown();
    }

    @Test
    void firstLoginProvisionsTheUserAndMappingChangesApplyAtTheNextLogin() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String issuerId = "idp-" + UUID.randomUUID();
        String providerId = createProvider(admin, issuerId, List.of(Map.of("claim", "groups", "value", "Finance", "role", "FINOPS")));
        String email = "alice-" + UUID.randomUUID() + "@example.com";

        enqueue(issuerId, "sub-alice", CLIENT_ID, Map.of("email", email, "email_verified", true, "name", "Alice",
                "groups", List.of("Finance", "Everyone")));
        URI done = new SsoBrowser(port).login(providerId);
        assertThat(done.getPath()).isEqualTo("/login/sso");
        Map<String, String> fragment = SsoBrowser.params(done.getRawFragment());
        assertThat(fragment.get("redirect")).isEqualTo("/inventory");

        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response tokens = anonymous.post("/api/v1/auth/sso/exchange", Map.of("code", fragment.get("code")));
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.body().get("tokenType").asString()).isEqualTo("Bearer");
        String token = tokens.body().get("accessToken").asString();
        assertThat(claims(token).get("roles").toString()).contains("FINOPS").doesNotContain("VIEWER");
        assertThat(get("/api/v1/me", token).get("username").asString()).isEqualTo(email);

        // the one-time code works once
        ApiClient.Response again = anonymous.post("/api/v1/auth/sso/exchange", Map.of("code", fragment.get("code")));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("SSO_CODE_INVALID");

        // a role granted by hand survives; the SSO-derived one follows the groups at the next login
        TenantId tenant = identity.findTenantIdByName("Test").orElseThrow();
        TenantContext.runAs(tenant, () -> jdbc.sql("update users set roles = array_append(roles, 'AUDITOR') where username = ?")
                .param(email).update());
        enqueue(issuerId, "sub-alice", CLIENT_ID, Map.of("email", email, "email_verified", true, "groups", List.of("Everyone")));
        String second = exchange(new SsoBrowser(port).login(providerId));
        assertThat(claims(second).get("roles").toString()).contains("VIEWER").contains("AUDITOR").doesNotContain("FINOPS");
        assertThat(claims(second).get("sub").asString()).isEqualTo(claims(token).get("sub").asString());

        // an SSO user has no password that works
        ApiClient.Response password = anonymous.post("/api/v1/auth/login", Map.of("username", email, "password", "!sso"));
        assertThat(password.status()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/audit/entries?action=identity.sso&limit=50").raw())
                .contains("identity.sso.login.succeeded").contains("identity.sso.provider.created").doesNotContain(CLIENT_SECRET));
    }

    @Test
    void aWrongNonceIssuerOrAudienceIsRejected() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String issuerId = "idp-" + UUID.randomUUID();
        String providerId = createProvider(admin, issuerId, List.of());
        Map<String, Object> ok = Map.of("email", "mallory@example.com", "email_verified", true);

        enqueue(issuerId, "sub-m", CLIENT_ID, ok);
        URI wrongNonce = new SsoBrowser(port).login(providerId, "/", url -> url.replaceAll("nonce=[^&]+", "nonce=forged-nonce"));
        assertThat(wrongNonce.getPath()).isEqualTo("/login");
        assertThat(wrongNonce.getQuery()).isEqualTo("ssoError=SSO_TOKEN_INVALID");

        // the provider puts the client id in the ID token's aud; a token minted for another client is refused
        Map<String, Object> otherAudience = new HashMap<>(ok);
        otherAudience.put("aud", List.of("another-client"));
        enqueue(issuerId, "sub-m", CLIENT_ID, otherAudience);
        assertThat(new SsoBrowser(port).login(providerId).getQuery()).isEqualTo("ssoError=SSO_TOKEN_INVALID");

        Map<String, Object> otherIssuer = new HashMap<>(ok);
        otherIssuer.put("iss", idp.issuerUrl("someone-else").toString());
        enqueue(issuerId, "sub-m", CLIENT_ID, otherIssuer);
        assertThat(new SsoBrowser(port).login(providerId).getQuery()).isEqualTo("ssoError=SSO_TOKEN_INVALID");

        enqueue(issuerId, "sub-m", CLIENT_ID, Map.of("email", "mallory@example.com", "email_verified", false));
        assertThat(new SsoBrowser(port).login(providerId).getQuery()).isEqualTo("ssoError=SSO_EMAIL_UNVERIFIED");

        // a replayed state is refused too
        URI authorize = new SsoBrowser(port).redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/" + providerId + "/start");
        enqueue(issuerId, "sub-m", CLIENT_ID, ok);
        URI callback = new SsoBrowser(port).redirectOf(authorize.toString());
        assertThat(new SsoBrowser(port).redirectOf(callback.toString()).getPath()).isEqualTo("/login/sso");
        assertThat(new SsoBrowser(port).redirectOf(callback.toString()).getQuery()).isEqualTo("ssoError=SSO_STATE_INVALID");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                admin.get("/api/v1/audit/entries?action=identity.sso.login.failed&limit=50").body().get("items").size()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void disabledAndDisallowedProvidersAreRefused() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String issuerId = "idp-" + UUID.randomUUID();
        String providerId = createProvider(admin, issuerId, List.of());
        String tenantId = identity.findTenantIdByName("Test").orElseThrow().toString();
        assertThat(new ApiClient(port).get("/api/v1/auth/sso/providers?tenant=" + tenantId).raw()).contains(providerId);
        assertThat(new ApiClient(port).get("/api/v1/auth/sso/providers?tenant=Test").raw()).contains(providerId);

        Map<String, Object> update = providerBody(issuerId, List.of());
        update.remove("clientSecret");
        update.put("enabled", false);
        assertThat(admin.put("/api/v1/sso/providers/" + providerId, update).status()).isEqualTo(200);
        URI refused = new SsoBrowser(port).redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/" + providerId + "/start");
        assertThat(refused.getQuery()).isEqualTo("ssoError=SSO_PROVIDER_NOT_ALLOWED");
        assertThat(new ApiClient(port).get("/api/v1/auth/sso/providers?tenant=" + tenantId).raw()).doesNotContain(providerId);

        update.put("enabled", true);
        admin.put("/api/v1/sso/providers/" + providerId, update);
        TenantId tenant = TenantId.of(tenantId);
        UUID other = UUID.randomUUID();
        try {
            TenantContext.runAs(tenant, () -> jdbc.sql("""
                    insert into tenant_settings (tenant_id, allowed_sso_providers) values (?, ?)
                    on conflict (tenant_id) do update set allowed_sso_providers = excluded.allowed_sso_providers""")
                    .params(tenant.value(), new UUID[] {other}).update());
            assertThat(new SsoBrowser(port).redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/" + providerId + "/start").getQuery())
                    .isEqualTo("ssoError=SSO_PROVIDER_NOT_ALLOWED");
            assertThat(new ApiClient(port).get("/api/v1/auth/sso/providers?tenant=" + tenantId).raw()).doesNotContain(providerId);
        } finally {
            TenantContext.runAs(tenant, () -> jdbc.sql("delete from tenant_settings where tenant_id = ?").param(tenant.value()).update());
        }
        assertThat(new SsoBrowser(port).redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/" + providerId + "/start").getPath())
                .isEqualTo("/" + issuerId + "/authorize");
    }

    @Test
    void aTakenAddressOrADisabledUserIsRefused() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String issuerId = "idp-" + UUID.randomUUID();
        String providerId = createProvider(admin, issuerId, List.of());
        TenantId tenant = identity.findTenantIdByName("Test").orElseThrow();

        String local = "local-" + UUID.randomUUID() + "@example.com";
        identity.createUser(tenant, local, "a-long-enough-password", List.of("VIEWER"));
        enqueue(issuerId, "sub-local", CLIENT_ID, Map.of("email", local, "email_verified", true));
        assertThat(new SsoBrowser(port).login(providerId).getQuery()).isEqualTo("ssoError=SSO_ACCOUNT_CONFLICT");

        String email = "bob-" + UUID.randomUUID() + "@example.com";
        enqueue(issuerId, "sub-bob", CLIENT_ID, Map.of("email", email, "email_verified", true));
        exchange(new SsoBrowser(port).login(providerId));
        TenantContext.runAs(tenant, () -> jdbc.sql("update users set enabled = false where username = ?").param(email).update());
        enqueue(issuerId, "sub-bob", CLIENT_ID, Map.of("email", email, "email_verified", true));
        assertThat(new SsoBrowser(port).login(providerId).getQuery()).isEqualTo("ssoError=USER_DISABLED");
    }

    @Test
    void theClientSecretIsWriteOnlyAndMappingsCannotEscalate() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String issuerId = "idp-" + UUID.randomUUID();
        String providerId = createProvider(admin, issuerId, List.of());
        ApiClient.Response list = admin.get("/api/v1/sso/providers");
        assertThat(list.raw()).contains(providerId).doesNotContain(CLIENT_SECRET);
        assertThat(admin.get("/api/v1/sso/providers/" + providerId).body().get("redirectUri").asString())
                .endsWith("/api/v1/auth/sso/callback");

        ApiClient.Response escalation = admin.post("/api/v1/sso/providers",
                providerBody(issuerId, List.of(Map.of("claim", "groups", "value", "x", "role", "MSP_ADMIN"))));
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.code()).isEqualTo("ROLE_ESCALATION");
        ApiClient.Response invalid = admin.post("/api/v1/sso/providers", Map.of("name", "", "preset", "NOPE"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.raw()).contains("preset").contains("name");
    }

    private String createProvider(ApiClient admin, String issuerId, List<Map<String, String>> mappings) {
        ApiClient.Response created = admin.post("/api/v1/sso/providers", providerBody(issuerId, mappings));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static Map<String, Object> providerBody(String issuerId, List<Map<String, String>> mappings) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Test IdP " + issuerId);
        body.put("preset", "GENERIC");
        body.put("issuer", idp.issuerUrl(issuerId).toString());
        body.put("clientId", CLIENT_ID);
        body.put("clientSecret", CLIENT_SECRET);
        body.put("groupsClaim", "groups");
        body.put("roleMappings", mappings);
        return body;
    }

    private static void enqueue(String issuerId, String subject, String audience, Map<String, Object> claims) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience), claims, 3600));
    }

    private String exchange(URI done) {
        assertThat(done.getPath()).as(done.toString()).isEqualTo("/login/sso");
        ApiClient.Response r = new ApiClient(port).post("/api/v1/auth/sso/exchange", Map.of("code", SsoBrowser.params(done.getRawFragment()).get("code")));
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("accessToken").asString();
    }

    private JsonNode get(String path, String token) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode claims(String jwt) {
        return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
