package io.cloudwarden.security;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.security.TenantObjectFixtures.Call;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 checks across every endpoint: broken object-level authorization (API1: another
 * tenant's ids answer 404), tenant switching (API1/API5), mass assignment (API3: unknown or server-owned
 * fields are rejected), unrestricted resource consumption (API4: oversized bodies answer 413) and security
 * misconfiguration (API8: security headers, CORS). Rate limiting is in {@link RateLimitApiTest}.
 */
@PlatformTest
@TestPropertySource(properties = "cloudwarden.web.cors.allowed-origins=https://console.example.com")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwaspApiTest {

    /** Endpoints with path variables that do not name a tenant's object, and why. */
    static final Map<String, String> NOT_OBJECT_IDS = Map.of(
            "GET /api/v1/audit/entries/{index}", "a position in the caller's own tenant log, not a global id",
            "PUT /api/v1/me/preferences/{key}", "writes in the caller's own preference namespace",
            "GET /api/v1/cost/dimensions/{dimension}/values", "a dimension name (e.g. serviceName); its values come from the caller's tenant",
            "GET /api/v1/auth/sso/{providerId}/start", "public: starts a login with a provider the tenant lists on its public login page",
            "GET /api/v1/auth/invitations/{token}", "public: the path holds the invitation's secret token, which is the authorisation",
            "POST /api/v1/auth/invitations/{token}/accept", "public: the path holds the invitation's secret token, which is the authorisation");

    /** JSON-bodied endpoints that take any document by design, and why. */
    static final Map<String, String> FREE_FORM_BODIES = Map.of(
            "PUT /api/v1/me/preferences/{key}", "a preference is any JSON document the console stores for itself");

    /** Probed fields a client legitimately chooses on one endpoint ("METHOD pattern field"), and why. */
    static final Map<String, String> CLIENT_CHOSEN_FIELDS = Map.of(
            "POST /api/v1/auth/signup tenantId", "public self sign-up names the tenant to join; only tenants that enable it accept it");

    /** Mass-assignment probes: a field a client must never set, with a value of a plausible type so only its name is wrong. */
    static final Map<String, Object> SERVER_OWNED_FIELDS = Map.of("tenantId", UUID.randomUUID().toString(),
            "id", UUID.randomUUID().toString(), "createdAt", "2025-01-01T00:00:00Z", "isAdmin", true);

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Value("${cloudwarden.db.url}")
    String dbUrl;

    /** Holds every permission in her own tenant, and one object of every kind there. */
    ApiClient alice;
    /** Holds every permission in his own tenant, so only object-level checks stand between him and Alice's objects. */
    ApiClient bob;
    TenantId aliceTenant;
    /** "METHOD pattern" to a request on one of Alice's objects. */
    Map<String, Call> aliceObjects;

    @BeforeAll
    void twoTenantsAndAliceHasOneOfEverything() {
        aliceTenant = identity.createTenant("Alice Corp " + UUID.randomUUID(), "CUSTOMER", null).id();
        identity.createUser(aliceTenant, "alice-owasp", "alices-long-password-123", List.of("MSP_ADMIN", "ADMIN"));
        TenantId bobTenant = identity.createTenant("Bob Corp " + UUID.randomUUID(), "CUSTOMER", null).id();
        identity.createUser(bobTenant, "bob-owasp", "bobs-long-password-123", List.of("MSP_ADMIN", "ADMIN"));
        alice = new ApiClient(port).login("alice-owasp", "alices-long-password-123");
        bob = new ApiClient(port).login("bob-owasp", "bobs-long-password-123");
        aliceObjects = new TenantObjectFixtures(port, identity, dbUrl, alice, aliceTenant).createAll();
    }

    @Test
    void everyEndpointTakingAnIdAnswersAnotherTenantWithNotFound() {
        Set<String> withIds = new TreeSet<>();
        endpoints().forEach((endpoint, handler) -> {
            if (endpoint.contains("{")) {
                withIds.add(endpoint);
            }
        });
        Set<String> covered = new TreeSet<>(aliceObjects.keySet());
        covered.addAll(NOT_OBJECT_IDS.keySet());
        assertThat(covered).as("every endpoint with a path variable needs a BOLA fixture (or a reason in NOT_OBJECT_IDS)")
                .containsAll(withIds);
        List<String> failures = new ArrayList<>();
        aliceObjects.forEach((endpoint, call) -> {
            if (!withIds.contains(endpoint)) {
                return;
            }
            ApiClient.Response r = send(bob, call);
            if (r.status() != 404) {
                failures.add(endpoint + " -> " + r.status() + " " + r.raw());
            }
        });
        assertThat(failures).as("tenant B reaching tenant A's objects").isEmpty();
        for (String endpoint : aliceObjects.keySet()) {
            if (!endpoint.startsWith("GET ")) {
                continue;
            }
            assertThat(alice.getText(aliceObjects.get(endpoint).path()).status()).as("the fixture is real: " + endpoint).isEqualTo(200);
        }
    }

    @Test
    void switchingIntoAnotherTenantIsForbidden() {
        bob.header("X-Cloudwarden-Tenant", aliceTenant.toString());
        ApiClient.Response r = bob.get("/api/v1/accounts");
        bob.header("X-Cloudwarden-Tenant", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("TENANT_NOT_ACCESSIBLE");
    }

    @Test
    void serverOwnedAndUnknownFieldsInRequestBodiesAreRejected() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, HandlerMethod> e : endpoints().entrySet()) {
            if (!hasJsonBody(e.getValue()) || FREE_FORM_BODIES.containsKey(e.getKey())) {
                continue;
            }
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = e.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Map.Entry<String, Object> field : SERVER_OWNED_FIELDS.entrySet()) {
                if (CLIENT_CHOSEN_FIELDS.containsKey(e.getKey() + " " + field.getKey())) {
                    continue;
                }
                ApiClient.Response r = send(alice, new Call(method, path, Map.of(field.getKey(), field.getValue())));
                checked++;
                if (!rejectedByName(r, field.getKey())) {
                    failures.add(e.getKey() + " accepted '" + field.getKey() + "': " + r.status() + " " + r.raw());
                }
            }
        }
        assertThat(checked).as("JSON-bodied endpoints found").isGreaterThanOrEqualTo(4 * 8);
        assertThat(failures).isEmpty();
    }

    @Test
    void jsonBodiesAboveOneMegabyteAreRefusedUploadsKeepTheirOwnLimit() {
        byte[] big = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> json = Map.of("Authorization", "Bearer " + alice.token(), "Content-Type", "application/json");
        HttpResponse<String> declared = RawHttp.send(port, "POST", "/api/v1/accounts", json, big, false);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("PAYLOAD_TOO_LARGE");
        HttpResponse<String> chunked = RawHttp.send(port, "POST", "/api/v1/accounts", json, big, true);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE");
        HttpResponse<String> small = RawHttp.send(port, "POST", "/api/v1/tenants", json,
                "{\"name\":\"Fine\",\"kind\":\"CUSTOMER\"}".getBytes(StandardCharsets.UTF_8), true);
        assertThat(small.statusCode()).as("a small chunked body passes the limit").isNotEqualTo(413);

        String boundary = "cw-test-boundary";
        byte[] file = new byte[2 * 1024 * 1024];
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String meta = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"kind\":\"document\",\"title\":\"Big\",\"controls\":[\"SOC2:CC6.1\"]}\r\n--" + boundary + "--\r\n";
        byte[] multipart = concat(head.getBytes(StandardCharsets.UTF_8), file, meta.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = RawHttp.send(port, "POST", "/api/v1/evidence/items/upload", Map.of("Authorization",
                "Bearer " + alice.token(), "Content-Type", "multipart/form-data; boundary=" + boundary), multipart, false);
        assertThat(upload.statusCode()).as(upload.body()).isNotEqualTo(413);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        for (String path : List.of("/api/v1/me", "/", "/login")) {
            HttpResponse<String> r = RawHttp.send(port, "GET", path, Map.of("Authorization", "Bearer " + alice.token()), null, false);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("default-src 'self'", "frame-ancestors 'none'", "img-src 'self' data:");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as("only over HTTPS").isEmpty();
        }
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        HttpResponse<String> allowed = RawHttp.send(port, "OPTIONS", "/api/v1/accounts", Map.of("Origin", "https://console.example.com",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null, false);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://console.example.com");
        HttpResponse<String> denied = RawHttp.send(port, "OPTIONS", "/api/v1/accounts", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null, false);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = RawHttp.send(port, "GET", "/api/v1/me", Map.of("Origin", "https://evil.example",
                "Authorization", "Bearer " + alice.token()), null, false);
        assertThat(simple.statusCode()).isEqualTo(403);
        HttpResponse<String> sameOriginless = RawHttp.send(port, "GET", "/api/v1/me", Map.of("Origin", "https://console.example.com",
                "Authorization", "Bearer " + alice.token()), null, false);
        assertThat(sameOriginless.statusCode()).isEqualTo(200);
        assertThat(sameOriginless.headers().firstValue("Access-Control-Allow-Origin")).contains("https://console.example.com");
    }

    /** "METHOD pattern" of every /api handler. */
    private Map<String, HandlerMethod> endpoints() {
        Map<String, HandlerMethod> out = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<String> patterns = e.getKey().getPatternValues();
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    out.put(m.name() + " " + pattern, e.getValue());
                }
            }
        }
        return out;
    }

    /** A 400 naming the field itself (not one for some other reason, such as a missing required field). */
    private static boolean rejectedByName(ApiClient.Response r, String field) {
        if (r.status() != 400) {
            return false;
        }
        for (JsonNode error : r.body().path("errors")) {
            if (field.equals(error.path("field").asString(""))) {
                return true;
            }
        }
        return r.body().path("detail").asString("").matches("(?s).*\\b" + field + "\\b.*");
    }

    private static boolean hasJsonBody(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static ApiClient.Response send(ApiClient client, Call call) {
        return switch (call.method()) {
            case "GET" -> client.get(call.path());
            case "DELETE" -> call.body() == null ? client.delete(call.path()) : client.deleteWithBody(call.path(), call.body());
            case "POST" -> client.post(call.path(), call.body() == null ? Map.of() : call.body());
            case "PUT" -> client.put(call.path(), call.body() == null ? Map.of() : call.body());
            case "PATCH" -> client.patch(call.path(), call.body() == null ? Map.of() : call.body());
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
