package io.cloudwarden.accounts;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connector that throws halfway through a sync leaves the previous inventory exactly as it was, the failure
 * is recorded with its error code, and the sync is retried with backoff until it succeeds.
 */
@PlatformTest
class SyncFailureTest {

    @LocalServerPort
    int port;
    @Value("${cloudwarden.db.url}")
    String dbUrl;

    @Test
    void aSyncThatFailsHalfwayKeepsThePreviousInventoryAndIsRetried() {
        ApiClient api = new ApiClient(port).loginAsAdmin();
        JdbcTemplate db = TestDatabase.owner(dbUrl);
        Map<String, Object> body = TestAccounts.simulator("flaky", "azure", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        String id = api.post("/api/v1/accounts", body).body().get("id").asString();
        api.post("/api/v1/accounts/" + id + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(lastStatus(api, id)));
        String fingerprint = inventoryFingerprint(db, id);
        long resources = db.queryForObject("select count(*) from resources where account_id = ?::uuid", Long.class, id);
        assertThat(resources).isPositive();

        api.patch("/api/v1/accounts/" + id, Map.of("config", Map.of("faultInjection", "transient-midway", "changeRate", "100")));
        Instant before = Instant.now();
        api.post("/api/v1/accounts/" + id + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(lastStatus(api, id)));

        JsonNode account = api.get("/api/v1/accounts/" + id).body();
        assertThat(account.get("lastSync").get("errorCode").asString()).isEqualTo("CONNECTOR_TRANSIENT");
        assertThat(account.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(Instant.parse(account.get("nextSyncAt").asString())).isAfter(before);
        assertThat(inventoryFingerprint(db, id)).as("inventory after a failed sync").isEqualTo(fingerprint);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/accounts/" + id + "/syncs?status=FAILED").body().get("items").size() >= 2);
        JsonNode retry = api.get("/api/v1/accounts/" + id + "/syncs?status=FAILED&limit=1").body().get("items").get(0);
        assertThat(retry.get("trigger").asString()).isEqualTo("RETRY");
        assertThat(retry.get("attempt").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(inventoryFingerprint(db, id)).isEqualTo(fingerprint);

        api.patch("/api/v1/accounts/" + id, Map.of("config", Map.of("faultInjection", "none")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(lastStatus(api, id)));
        JsonNode recovered = api.get("/api/v1/accounts/" + id).body();
        assertThat(recovered.get("consecutiveFailures").asInt()).isZero();
        assertThat(recovered.get("lastSync").get("trigger").asString()).isEqualTo("RETRY");
        assertThat(recovered.get("lastSync").get("modified").asLong() + recovered.get("lastSync").get("created").asLong()
                + recovered.get("lastSync").get("deleted").asLong()).as("the estate evolved between syncs").isPositive();
    }

    private static String lastStatus(ApiClient api, String id) {
        return api.get("/api/v1/accounts/" + id).body().path("lastSync").path("status").asString("");
    }

    /** Every resource's id, version and content hash plus the counts of versions and edges. */
    private static String inventoryFingerprint(JdbcTemplate db, String accountId) {
        return db.queryForObject("""
                select md5(coalesce(string_agg(r.id::text || ':' || r.version || ':' || coalesce(r.deleted_at::text, '-'), ',' order by r.id), ''))
                    || '/' || (select count(*) from resource_versions v join resources x on x.id = v.resource_id where x.account_id = ?::uuid)
                    || '/' || (select count(*) from resource_relationships e where e.account_id = ?::uuid)
                from resources r where r.account_id = ?::uuid""", String.class, accountId, accountId, accountId);
    }
}
