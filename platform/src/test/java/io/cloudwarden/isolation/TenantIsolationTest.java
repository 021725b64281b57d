package io.cloudwarden.isolation;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.identity.Tenant;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two tenants: each one's ids are invisible to the other through the API (404, never 403), and PostgreSQL
 * row-level security hides the other's rows even from raw SQL that forgets the tenant predicate.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    DataSource appDataSource;
    @Value("${cloudwarden.db.url}")
    String dbUrl;

    ApiClient alice;
    ApiClient bob;
    TenantId aliceTenant;
    TenantId bobTenant;
    String aliceAccount;
    String aliceResource;

    @BeforeAll
    void twoTenantsWithData() {
        Tenant other = identity.createTenant("Other Corp", "CUSTOMER", null);
        bobTenant = other.id();
        identity.createUser(bobTenant, "bob", "bobs-long-password-123", List.of("ADMIN"));
        alice = new ApiClient(port).loginAsAdmin();
        bob = new ApiClient(port).login("bob", "bobs-long-password-123");
        aliceAccount = alice.post("/api/v1/accounts", TestAccounts.simulator("alice-aws", "aws", "999988887777"))
                .body().get("id").asString();
        alice.post("/api/v1/accounts/" + aliceAccount + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "SUCCEEDED".equals(alice.get("/api/v1/accounts/" + aliceAccount).body().path("lastSync").path("status").asString("")));
        JdbcTemplate owner = TestDatabase.owner(dbUrl);
        aliceResource = owner.queryForObject("select id::text from resources where account_id = ?::uuid limit 1", String.class, aliceAccount);
        aliceTenant = new TenantId(owner.queryForObject("select tenant_id from cloud_accounts where id = ?::uuid", UUID.class, aliceAccount));
    }

    @Test
    void anotherTenantsAccountIsNotFoundRatherThanForbidden() {
        for (ApiClient.Response r : List.of(bob.get("/api/v1/accounts/" + aliceAccount),
                bob.patch("/api/v1/accounts/" + aliceAccount, Map.of("name", "stolen")),
                bob.delete("/api/v1/accounts/" + aliceAccount),
                bob.post("/api/v1/accounts/" + aliceAccount + "/sync", Map.of()),
                bob.get("/api/v1/accounts/" + aliceAccount + "/syncs"))) {
            assertThat(r.status()).isEqualTo(404);
        }
        assertThat(bob.get("/api/v1/accounts").body().get("items")).isEmpty();
        assertThat(alice.get("/api/v1/accounts/" + aliceAccount).body().get("name").asString()).isEqualTo("alice-aws");
    }

    @Test
    void anotherTenantsResourcesAreInvisible() {
        assertThat(alice.get("/api/v1/resources/" + aliceResource).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/resources/" + aliceResource).status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/resources/" + aliceResource + "/history").status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/resources").body().get("items")).isEmpty();
        assertThat(bob.get("/api/v1/resources?account=" + aliceAccount).body().get("items")).isEmpty();
        assertThat(bob.get("/api/v1/resources/facets").body().path("total").asLong()).isZero();
    }

    @Test
    void rawSqlAsTheApplicationRoleWithoutATenantPredicateSeesNoOtherTenantsRows() {
        JdbcTemplate app = new JdbcTemplate(appDataSource);
        TenantContext.runAs(bobTenant, () -> {
            assertThat(app.queryForObject("select current_user", String.class)).isEqualTo("cloudwarden_app");
            for (String table : List.of("cloud_accounts", "sync_runs", "resources", "resource_versions", "resource_relationships", "users")) {
                assertThat(app.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class, aliceTenant.value()))
                        .as(table).isZero();
            }
            assertThat(app.queryForObject("select count(*) from resources", Long.class)).isZero();
            assertThat(app.queryForObject("select count(*) from tenants", Long.class)).isEqualTo(1);
        });
        TenantContext.runAs(aliceTenant, () ->
                assertThat(app.queryForObject("select count(*) from resources", Long.class)).isPositive());
        assertThat(app.queryForObject("select count(*) from resources", Long.class)).as("no tenant bound").isZero();
        assertThat(app.queryForObject("select count(*) from cloud_accounts", Long.class)).as("no tenant bound").isZero();
    }

    @Test
    void theApplicationRoleCannotWriteIntoAnotherTenant() {
        JdbcTemplate app = new JdbcTemplate(appDataSource);
        TenantContext.runAs(bobTenant, () -> {
            assertThatThrownBy(() -> app.update("""
                    insert into cloud_accounts (id, tenant_id, name, connector, provider) values (?, ?, 'planted', 'simulator', 'aws')""",
                    UUID.randomUUID(), aliceTenant.value())).rootCause().hasMessageContaining("row-level security");
            assertThat(app.update("update cloud_accounts set name = 'stolen' where id = ?::uuid", aliceAccount)).isZero();
            assertThat(app.update("delete from resources where tenant_id = ?", aliceTenant.value())).isZero();
        });
    }

    @Test
    void theApplicationRoleOwnsNoTable() {
        JdbcTemplate owner = TestDatabase.owner(dbUrl);
        assertThat(owner.queryForObject("select count(*) from pg_tables where schemaname = 'public' and tableowner = 'cloudwarden_app'",
                Long.class)).isZero();
        assertThat(owner.queryForObject("select rolbypassrls or rolsuper from pg_roles where rolname = 'cloudwarden_app'", Boolean.class))
                .isFalse();
        assertThat(owner.queryForObject("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
                  and exists (select 1 from information_schema.columns col
                              where col.table_name = c.relname and col.column_name = 'tenant_id')""", Long.class))
                .as("tenant-owned tables without row-level security").isZero();
    }
}
