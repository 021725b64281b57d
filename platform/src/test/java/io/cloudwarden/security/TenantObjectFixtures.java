package io.cloudwarden.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One object of every kind in a tenant, created through the real API by {@code owner} (who holds every permission),
 * and for each endpoint taking an id a request on that object ({@code "METHOD pattern"} to {@link Call}). The
 * {@link OwaspApiTest} sends these requests as a user of another tenant and expects 404.
 */
final class TenantObjectFixtures {

    /** A request on one object: method, concrete path, JSON body (or {@code null}). */
    record Call(String method, String path, Object body) {
    }

    /** Password of the extra users this creates in the owner's tenant. */
    static final String PASSWORD = "fixture-user-password-123";

    private static final String FOCUS_HEADER = "BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,"
            + "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,BilledCost,"
            + "EffectiveCost,ListCost,ContractedCost,ProviderName,PublisherName,InvoiceIssuerName,ServiceName,ServiceCategory,"
            + "RegionId,ResourceId,Tags\n";

    private final int port;
    private final IdentityManagement identity;
    private final String dbUrl;
    private final ApiClient owner;
    private final TenantId tenant;
    final Map<String, Call> calls = new TreeMap<>();

    TenantObjectFixtures(int port, IdentityManagement identity, String dbUrl, ApiClient owner, TenantId tenant) {
        this.port = port;
        this.identity = identity;
        this.dbUrl = dbUrl;
        this.owner = owner;
        this.tenant = tenant;
    }

    /** Creates one object of every kind and records the requests on them. */
    Map<String, Call> createAll() {
        accountsAndInventory();
        evidence();
        selfService();
        usersAndInvitations();
        rolesKeysAndSso();
        justInTimeAccess();
        accessReviews();
        costs();
        put("PATCH /api/v1/tenants/{id}", "PATCH", "/api/v1/tenants/" + tenant, Map.of("name", "stolen"));
        return calls;
    }

    private void accountsAndInventory() {
        String account = created(owner.post("/api/v1/accounts", TestAccounts.simulator("alice-aws", "aws", "999988887777")));
        owner.post("/api/v1/accounts/" + account + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "SUCCEEDED".equals(owner.get("/api/v1/accounts/" + account).body().path("lastSync").path("status").asString("")));
        String resource = TestDatabase.owner(dbUrl).queryForObject("select id::text from resources where account_id = ?::uuid limit 1",
                String.class, account);
        put("GET /api/v1/accounts/{id}", "GET", "/api/v1/accounts/" + account, null);
        put("PATCH /api/v1/accounts/{id}", "PATCH", "/api/v1/accounts/" + account, Map.of("name", "stolen"));
        put("POST /api/v1/accounts/{id}/test", "POST", "/api/v1/accounts/" + account + "/test", Map.of());
        put("POST /api/v1/accounts/{id}/sync", "POST", "/api/v1/accounts/" + account + "/sync", Map.of());
        put("GET /api/v1/accounts/{id}/syncs", "GET", "/api/v1/accounts/" + account + "/syncs", null);
        put("DELETE /api/v1/accounts/{id}", "DELETE", "/api/v1/accounts/" + account, null);
        put("GET /api/v1/resources/{id}", "GET", "/api/v1/resources/" + resource, null);
        put("GET /api/v1/resources/{id}/history", "GET", "/api/v1/resources/" + resource + "/history", null);
        put("GET /api/v1/resources/{id}/diff", "GET", "/api/v1/resources/" + resource + "/diff?from=1&to=1", null);
    }

    private void evidence() {
        String boundary = "cw-fixture-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cab.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nCAB approved change 42\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"kind\":\"approval\",\"title\":\"CAB minutes\",\"controls\":[\"SOC2:CC8.1\"],"
                + "\"collectedAt\":\"2025-03-05T00:00:00Z\"}\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = RawHttp.send(port, "POST", "/api/v1/evidence/items/upload", Map.of("Authorization",
                "Bearer " + owner.token(), "Content-Type", "multipart/form-data; boundary=" + boundary),
                multipart.getBytes(StandardCharsets.UTF_8), false);
        assertThat(upload.statusCode()).as(upload.body()).isIn(200, 201);
        String evidenceItem = idOf(upload.body());
        HttpResponse<String> pack = RawHttp.send(port, "POST", "/api/v1/evidence/packs", Map.of("Authorization", "Bearer " + owner.token(),
                "Content-Type", "application/json"), ("{\"framework\":\"SOC2\",\"from\":\"2025-01-01T00:00:00Z\","
                + "\"to\":\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8), false);
        String packId = pack.headers().firstValue("X-Evidence-Pack-Id").orElseThrow(() -> new IllegalStateException(pack.body()));
        put("GET /api/v1/evidence/items/{id}", "GET", "/api/v1/evidence/items/" + evidenceItem, null);
        put("GET /api/v1/evidence/items/{id}/file", "GET", "/api/v1/evidence/items/" + evidenceItem + "/file", null);
        put("GET /api/v1/evidence/packs/{id}", "GET", "/api/v1/evidence/packs/" + packId, null);
        put("GET /api/v1/evidence/packs/{id}/download", "GET", "/api/v1/evidence/packs/" + packId + "/download", null);
    }

    /** The owner's own preference, session and personal API key: another user's /me paths must not reach them. */
    private void selfService() {
        assertThat(owner.put("/api/v1/me/preferences/bola.probe", Map.of("x", 1)).status()).isEqualTo(200);
        String session = owner.get("/api/v1/me/sessions").body().get(0).get("id").asString();
        String personalKey = created(owner.post("/api/v1/me/api-keys", apiKey("alice-personal")));
        put("GET /api/v1/me/preferences/{key}", "GET", "/api/v1/me/preferences/bola.probe", null);
        put("DELETE /api/v1/me/sessions/{id}", "DELETE", "/api/v1/me/sessions/" + session, null);
        put("DELETE /api/v1/me/api-keys/{id}", "DELETE", "/api/v1/me/api-keys/" + personalKey, null);
    }

    private void usersAndInvitations() {
        UUID carol = identity.createUser(tenant, "carol-" + suffix(), PASSWORD, List.of("VIEWER"));
        String invitation = created(owner.post("/api/v1/invitations", Map.of("email", "invitee-" + suffix() + "@example.test",
                "roles", List.of("VIEWER"))));
        put("GET /api/v1/users/{id}", "GET", "/api/v1/users/" + carol, null);
        put("PATCH /api/v1/users/{id}", "PATCH", "/api/v1/users/" + carol, Map.of("displayName", "stolen"));
        put("POST /api/v1/users/{id}/deactivate", "POST", "/api/v1/users/" + carol + "/deactivate", null);
        put("POST /api/v1/users/{id}/reactivate", "POST", "/api/v1/users/" + carol + "/reactivate", null);
        put("POST /api/v1/users/{id}/unlock", "POST", "/api/v1/users/" + carol + "/unlock", null);
        put("DELETE /api/v1/invitations/{id}", "DELETE", "/api/v1/invitations/" + invitation, null);
    }

    private void rolesKeysAndSso() {
        String role = owner.post("/api/v1/roles", Map.of("name", "Cost Reader " + suffix(), "description", "reads costs",
                "permissions", List.of("cost:read"))).body().get("key").asString();
        String key = created(owner.post("/api/v1/api-keys", apiKey("alice-ci")));
        Map<String, Object> provider = new HashMap<>(Map.of("name", "Alice IdP " + suffix(), "preset", "GENERIC",
                "issuer", "https://idp.alice.example.test", "clientId", "alice-client", "clientSecret", "alice-client-secret"));
        String sso = created(owner.post("/api/v1/sso/providers", provider));
        put("GET /api/v1/roles/{key}", "GET", "/api/v1/roles/" + role, null);
        put("PUT /api/v1/roles/{key}", "PUT", "/api/v1/roles/" + role, Map.of("name", "stolen", "permissions", List.of("cost:read")));
        put("DELETE /api/v1/roles/{key}", "DELETE", "/api/v1/roles/" + role, null);
        put("DELETE /api/v1/api-keys/{id}", "DELETE", "/api/v1/api-keys/" + key, null);
        put("GET /api/v1/sso/providers/{id}", "GET", "/api/v1/sso/providers/" + sso, null);
        provider.put("name", "stolen");
        put("PUT /api/v1/sso/providers/{id}", "PUT", "/api/v1/sso/providers/" + sso, provider);
        put("DELETE /api/v1/sso/providers/{id}", "DELETE", "/api/v1/sso/providers/" + sso, null);
    }

    /** A pending request of a plain user of the tenant (the owner already holds every role). */
    private void justInTimeAccess() {
        String username = "jit-" + suffix();
        identity.createUser(tenant, username, PASSWORD, List.of("VIEWER"));
        ApiClient requester = new ApiClient(port).login(username, PASSWORD);
        String request = created(requester.post("/api/v1/access/requests", Map.of("role", "FINOPS", "durationMinutes", 60,
                "reason", "month-end close")));
        for (String action : List.of("approve", "deny", "revoke")) {
            put("POST /api/v1/access/requests/{id}/" + action, "POST", "/api/v1/access/requests/" + request + "/" + action,
                    Map.of("comment", "not yours"));
        }
    }

    /** An open campaign (for its lines and decisions) and a completed one (for its report). */
    private void accessReviews() {
        String reviewerName = "reviewer-" + suffix();
        UUID reviewerId = identity.createUser(tenant, reviewerName, PASSWORD, List.of("SECURITY"));
        ApiClient reviewer = new ApiClient(port).login(reviewerName, PASSWORD);
        String completed = startReview("Q3");
        for (JsonNode item : owner.get("/api/v1/access/reviews/" + completed + "/items").body()) {
            String path = "/api/v1/access/reviews/" + completed + "/items/" + item.get("id").asString() + "/decision";
            ApiClient decider = item.get("userId").asString().equals(reviewerId.toString()) ? owner : reviewer;
            ApiClient.Response decided = decider.post(path, Map.of("decision", "CERTIFIED"));
            assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        }
        ApiClient.Response done = owner.post("/api/v1/access/reviews/" + completed + "/complete", Map.of());
        assertThat(done.status()).as(done.raw()).isEqualTo(200);

        String open = startReview("Q4");
        String item = owner.get("/api/v1/access/reviews/" + open + "/items").body().get(0).get("id").asString();
        put("GET /api/v1/access/reviews/{id}", "GET", "/api/v1/access/reviews/" + open, null);
        put("GET /api/v1/access/reviews/{id}/items", "GET", "/api/v1/access/reviews/" + open + "/items", null);
        put("POST /api/v1/access/reviews/{id}/items/{itemId}/decision", "POST",
                "/api/v1/access/reviews/" + open + "/items/" + item + "/decision", Map.of("decision", "REVOKED"));
        put("POST /api/v1/access/reviews/{id}/complete", "POST", "/api/v1/access/reviews/" + open + "/complete", Map.of());
        put("GET /api/v1/access/reviews/{id}/report", "GET", "/api/v1/access/reviews/" + completed + "/report", null);
    }

    private String startReview(String name) {
        return created(owner.post("/api/v1/access/reviews", Map.of("name", name, "dueAt", Instant.now().plusSeconds(86_400).toString())));
    }

    private void costs() {
        String csv = FOCUS_HEADER + String.join(",", "acct-1", "Main", "USD", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z",
                "2025-01-03T00:00:00Z", "2025-01-04T00:00:00Z", "Usage", "", "usage", "Usage-Based", "1", "1", "1", "1", "AWS", "AWS",
                "AWS", "AmazonEC2", "Compute", "us-east-1", "i-1", "") + "\n";
        HttpResponse<String> upload = RawHttp.send(port, "POST", "/api/v1/cost/imports?fileName=tiny.csv", Map.of(
                "Authorization", "Bearer " + owner.token(), "Content-Type", "text/csv"), csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        String costImport = idOf(upload.body());
        ApiClient.Response rules = owner.put("/api/v1/cost/allocation/rules", Map.of("rules", List.of(Map.of("name", "compute",
                "conditions", List.of(Map.of("field", "SERVICE_NAME", "op", "EQUALS", "values", List.of("AmazonEC2"))),
                "assign", Map.of("team", Map.of("value", "platform"))))));
        assertThat(rules.status()).as(rules.raw()).isEqualTo(202);
        String reallocation = rules.body().get("reallocation").get("id").asString();
        Map<String, Object> budget = Map.of("name", "all", "scope", Map.of("type", "TENANT"), "period", "MONTHLY", "amount", 100,
                "currency", "USD", "thresholds", Map.of("actual", List.of(80), "projected", List.of()));
        String budgetId = created(owner.post("/api/v1/cost/budgets", budget));
        Map<String, Object> savedFilter = Map.of("name", "compute", "filters", List.of("service=AmazonEC2"));
        String savedFilterId = created(owner.post("/api/v1/cost/saved-filters", savedFilter));
        put("GET /api/v1/cost/saved-filters/{id}", "GET", "/api/v1/cost/saved-filters/" + savedFilterId, null);
        put("PUT /api/v1/cost/saved-filters/{id}", "PUT", "/api/v1/cost/saved-filters/" + savedFilterId, savedFilter);
        put("DELETE /api/v1/cost/saved-filters/{id}", "DELETE", "/api/v1/cost/saved-filters/" + savedFilterId, null);
        put("GET /api/v1/cost/imports/{id}", "GET", "/api/v1/cost/imports/" + costImport, null);
        put("GET /api/v1/cost/imports/{id}/quarantine", "GET", "/api/v1/cost/imports/" + costImport + "/quarantine", null);
        put("GET /api/v1/cost/allocation/reallocations/{id}", "GET", "/api/v1/cost/allocation/reallocations/" + reallocation, null);
        put("GET /api/v1/cost/budgets/{id}", "GET", "/api/v1/cost/budgets/" + budgetId, null);
        put("GET /api/v1/cost/budgets/{id}/status", "GET", "/api/v1/cost/budgets/" + budgetId + "/status", null);
        put("PUT /api/v1/cost/budgets/{id}", "PUT", "/api/v1/cost/budgets/" + budgetId, budget);
        put("DELETE /api/v1/cost/budgets/{id}", "DELETE", "/api/v1/cost/budgets/" + budgetId, null);
    }

    private static Map<String, Object> apiKey(String name) {
        return Map.of("name", name, "roles", List.of("VIEWER"), "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString());
    }

    private void put(String endpoint, String method, String path, Object body) {
        calls.put(endpoint, new Call(method, path, body));
    }

    private static String created(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isIn(200, 201, 202);
        return r.body().get("id").asString();
    }

    private static String idOf(String json) {
        return JsonMapper.builder().build().readTree(json).get("id").asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
