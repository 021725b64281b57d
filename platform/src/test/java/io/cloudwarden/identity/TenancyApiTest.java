package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant hierarchy over real HTTP: an MSP creates customers, a customer business units; users act in
 * their home tenant or below it (X-Cloudwarden-Tenant), never in a sibling or an ancestor; tenant settings
 * and IP allow-lists.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyApiTest {

    static final String HEADER = "X-Cloudwarden-Tenant";
    static final String PASSWORD = "a-long-enough-password-42";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TenantSettingsLookup lookup;
    @Value("${cloudwarden.db.url}")
    String dbUrl;

    ApiClient msp;
    TenantId mspTenant;
    String customerA;
    String customerB;
    String unitA1;

    @BeforeAll
    void anMspWithTwoCustomersAndABusinessUnit() {
        mspTenant = identity.createTenant("Acme MSP", "MSP", null).id();
        identity.createUser(mspTenant, "msp-admin", PASSWORD, List.of("MSP_ADMIN"));
        msp = new ApiClient(port).login("msp-admin", PASSWORD);
        ApiClient.Response a = msp.post("/api/v1/tenants", Map.of("name", "Customer A", "kind", "CUSTOMER"));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        customerA = a.body().get("id").asString();
        assertThat(a.body().get("parentId").asString()).isEqualTo(mspTenant.toString());
        customerB = msp.post("/api/v1/tenants", Map.of("name", "Customer B", "kind", "CUSTOMER")).body().get("id").asString();
        msp.header(HEADER, customerA);
        ApiClient.Response unit = msp.post("/api/v1/tenants", Map.of("name", "A / Finance", "kind", "BUSINESS_UNIT"));
        msp.header(HEADER, null);
        assertThat(unit.status()).as(unit.raw()).isEqualTo(201);
        unitA1 = unit.body().get("id").asString();
        assertThat(unit.body().get("parentId").asString()).isEqualTo(customerA);
        identity.createUser(TenantId.of(customerA), "carol", PASSWORD, List.of("ADMIN"));
    }

    @Test
    void kindRulesDecideWhichChildrenATenantMayHave() {
        assertThat(msp.post("/api/v1/tenants", Map.of("name", "Skip a level", "kind", "BUSINESS_UNIT")).code())
                .isEqualTo("TENANT_KIND_NOT_ALLOWED");
        assertThat(msp.post("/api/v1/tenants", Map.of("name", "Another MSP", "kind", "MSP")).status()).isEqualTo(400);
        assertThat(msp.post("/api/v1/tenants", Map.of("name", "Odd", "kind", "REGION")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(msp.post("/api/v1/tenants", Map.of("name", " ", "kind", "CUSTOMER")).code()).isEqualTo("VALIDATION_FAILED");
        msp.header(HEADER, unitA1);
        ApiClient.Response underUnit = msp.post("/api/v1/tenants", Map.of("name", "Too deep", "kind", "BUSINESS_UNIT"));
        msp.header(HEADER, null);
        assertThat(underUnit.status()).isEqualTo(400);
        assertThat(underUnit.code()).isEqualTo("TENANT_KIND_NOT_ALLOWED");
    }

    @Test
    void theTreeListsTheHomeTenantAndEverythingBelowIt() {
        JsonNode tree = msp.get("/api/v1/tenants").body();
        assertThat(names(tree)).startsWith("Acme MSP").contains("Customer A", "Customer B", "A / Finance");
        assertThat(tree.get(0).get("parentId").isNull()).isTrue();
        ApiClient carol = new ApiClient(port).login("carol", PASSWORD);
        JsonNode carolsTree = carol.get("/api/v1/tenants").body();
        assertThat(names(carolsTree)).containsExactly("Customer A", "A / Finance");
        assertThat(carolsTree.get(0).get("parentId").isNull()).as("an ancestor is not disclosed").isTrue();
        assertThat(carolsTree.get(1).get("kind").asString()).isEqualTo("BUSINESS_UNIT");
    }

    @Test
    void meShowsTheHomeTheActiveTenantAndTheTenantsToSwitchTo() {
        ApiClient carol = new ApiClient(port).login("carol", PASSWORD).header(HEADER, unitA1);
        JsonNode me = carol.get("/api/v1/me").body();
        assertThat(me.get("homeTenantId").asString()).isEqualTo(customerA);
        assertThat(me.get("activeTenantId").asString()).isEqualTo(unitA1);
        assertThat(me.get("tenantName").asString()).isEqualTo("A / Finance");
        assertThat(me.get("tenants")).hasSize(2);
        assertThat(me.get("tenants").get(1).get("parentId").asString()).isEqualTo(customerA);
    }

    @Test
    void aUserMayActBelowTheHomeTenantButNeverInASiblingOrAnAncestor() {
        ApiClient carol = new ApiClient(port).login("carol", PASSWORD);
        assertThat(carol.header(HEADER, unitA1).get("/api/v1/accounts").status()).isEqualTo(200);
        for (String forbidden : List.of(customerB, mspTenant.toString(), UUID.randomUUID().toString())) {
            ApiClient.Response r = carol.header(HEADER, forbidden).get("/api/v1/accounts");
            assertThat(r.status()).as(forbidden).isEqualTo(403);
            assertThat(r.code()).isEqualTo("TENANT_NOT_ACCESSIBLE");
        }
        assertThat(carol.header(HEADER, customerB).get("/api/v1/events/stream").status()).as("SSE too").isEqualTo(403);
        assertThat(carol.header(HEADER, "not-a-uuid").get("/api/v1/me").status()).isEqualTo(400);
    }

    @Test
    void theActiveTenantIsExactlyOneNodeForData() {
        msp.header(HEADER, customerB);
        String account = msp.post("/api/v1/accounts", TestAccounts.simulator("b-aws", "aws", "111122223333")).body().get("id").asString();
        assertThat(msp.get("/api/v1/accounts/" + account).status()).isEqualTo(200);
        msp.header(HEADER, null);
        assertThat(msp.get("/api/v1/accounts/" + account).status()).as("not visible from the MSP node itself").isEqualTo(404);
        JdbcTemplate owner = TestDatabase.owner(dbUrl);
        assertThat(owner.queryForObject("select tenant_id::text from cloud_accounts where id = ?::uuid", String.class, account))
                .isEqualTo(customerB);
    }

    @Test
    void renamingWorksWithinTheSubtreeAndIsAudited() {
        ApiClient.Response renamed = msp.patch("/api/v1/tenants/" + customerB, Map.of("name", "Customer B (renamed)"));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("Customer B (renamed)");
        ApiClient carol = new ApiClient(port).login("carol", PASSWORD);
        assertThat(carol.patch("/api/v1/tenants/" + unitA1, Map.of("name", "x")).code())
                .as("a customer ADMIN may not manage tenants (tenant:manage-children)").isEqualTo("FORBIDDEN");
        // someone who may manage tenants, but in customer A's subtree only
        String erinName = "erin-" + UUID.randomUUID().toString().substring(0, 6);
        identity.createUser(TenantId.of(customerA), erinName, PASSWORD, List.of("MSP_ADMIN"));
        ApiClient erin = new ApiClient(port).login(erinName, PASSWORD);
        assertThat(erin.patch("/api/v1/tenants/" + customerB, Map.of("name", "stolen")).status()).isEqualTo(404);
        assertThat(erin.patch("/api/v1/tenants/" + mspTenant, Map.of("name", "stolen")).status()).isEqualTo(404);
        assertThat(erin.patch("/api/v1/tenants/" + unitA1, Map.of("name", "")).code()).isEqualTo("VALIDATION_FAILED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(msp.get("/api/v1/audit/entries?action=identity.tenant").raw())
                        .contains("identity.tenant.created", "identity.tenant.renamed", "Customer B (renamed)"));
    }

    @Test
    void settingsAreValidatedAsAWholeAndChangesAreAudited() {
        ApiClient carol = new ApiClient(port).login("carol", PASSWORD);
        JsonNode defaults = carol.get("/api/v1/tenant/settings").body();
        assertThat(defaults.get("sessionLifetimeMinutes").asInt()).isEqualTo(720);
        assertThat(defaults.get("ipAllowList")).isEmpty();
        assertThat(lookup.settings(TenantId.of(customerA)).mfaRequired()).as("cached defaults").isFalse();
        Map<String, Object> bad = new HashMap<>();
        bad.put("mfaRequired", true);
        bad.put("sessionLifetimeMinutes", 5);
        bad.put("ipAllowList", List.of("10.0.0.0/8", "example.com"));
        bad.put("allowedSsoProviders", List.of("nope"));
        bad.put("dataRetention", Map.of("auditOnlineDays", 0));
        ApiClient.Response rejected = carol.put("/api/v1/tenant/settings", bad);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.raw()).contains("sessionLifetimeMinutes", "ipAllowList[1]", "allowedSsoProviders[0]", "dataRetention.auditOnlineDays");
        assertThat(carol.get("/api/v1/tenant/settings").body().get("mfaRequired").asBoolean()).as("nothing written").isFalse();

        String provider = UUID.randomUUID().toString();
        Map<String, Object> good = new HashMap<>();
        good.put("mfaRequired", true);
        good.put("sessionLifetimeMinutes", 60);
        good.put("ipAllowList", List.of("127.0.0.1/8", "10.1.2.3/8", "::1"));
        good.put("allowedSsoProviders", List.of(provider));
        good.put("dataRetention", Map.of("auditOnlineDays", 30, "evidenceDays", 400));
        ApiClient.Response saved = carol.put("/api/v1/tenant/settings", good);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        JsonNode now = carol.get("/api/v1/tenant/settings").body();
        assertThat(lookup.settings(TenantId.of(customerA)).mfaRequired()).as("the cache was invalidated").isTrue();
        assertThat(lookup.settings(TenantId.of(customerA)).sessionLifetimeMinutes()).isEqualTo(60);
        assertThat(now.get("ipAllowList").toString()).contains("127.0.0.0/8", "10.0.0.0/8");
        assertThat(now.get("allowedSsoProviders").get(0).asString()).isEqualTo(provider);
        assertThat(now.get("dataRetention").get("auditOnlineDays").asInt()).isEqualTo(30);
        assertThat(now.get("dataRetention").get("evidenceDays").asInt()).isEqualTo(400);
        assertThat(carol.get("/api/v1/audit/log").body().get("onlineRetentionDays").asInt()).as("the evidence module's setting").isEqualTo(30);
        // the ledger takes the event in the request's transaction and appends it to the log moments later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(carol.get("/api/v1/audit/entries?action=identity.tenant.settings-changed").raw())
                        .contains("\"sessionLifetimeMinutes\":720", "\"sessionLifetimeMinutes\":60"));

        ApiClient.Response lockout = carol.put("/api/v1/tenant/settings", Map.of("ipAllowList", List.of("10.0.0.0/8")));
        assertThat(lockout.status()).isEqualTo(400);
        assertThat(lockout.raw()).contains("lock you out");
        assertThat(carol.put("/api/v1/tenant/settings", Map.of("ipAllowList", List.of(), "mfaRequired", false)).status()).isEqualTo(200);
    }

    @Test
    void anIpAllowListKeepsOtherAddressesOutOfLoginAndRequests() {
        TenantId fenced = identity.createTenant("Fenced Corp", "CUSTOMER", null).id();
        identity.createUser(fenced, "dave", PASSWORD, List.of("ADMIN"));
        JdbcTemplate owner = TestDatabase.owner(dbUrl);
        owner.update("insert into tenant_settings (tenant_id, ip_allow_list) values (?, '{10.0.0.0/8}')", fenced.value());
        ApiClient.Response login = new ApiClient(port).post("/api/v1/auth/login", Map.of("username", "dave", "password", PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("IP_NOT_ALLOWED");

        msp.header(HEADER, customerA);
        String unitFenced = msp.post("/api/v1/tenants", Map.of("name", "A / Fenced", "kind", "BUSINESS_UNIT")).body().get("id").asString();
        msp.header(HEADER, null);
        owner.update("insert into tenant_settings (tenant_id, ip_allow_list) values (?::uuid, '{192.0.2.0/24}')", unitFenced);
        ApiClient.Response switched = msp.header(HEADER, unitFenced).get("/api/v1/accounts");
        msp.header(HEADER, null);
        assertThat(switched.status()).isEqualTo(403);
        assertThat(switched.code()).isEqualTo("IP_NOT_ALLOWED");
        assertThat(msp.get("/api/v1/accounts").status()).isEqualTo(200);
    }

    private static List<String> names(JsonNode tree) {
        return tree.valueStream().map(n -> n.get("name").asString()).toList();
    }
}
