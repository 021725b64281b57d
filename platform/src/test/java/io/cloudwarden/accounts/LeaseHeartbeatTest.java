package io.cloudwarden.accounts;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sync that runs longer than its lease keeps the lease (so no other node starts the same account), and a
 * sync whose lease was taken over stops without writing anything.
 */
@PlatformTest
@TestPropertySource(properties = "cloudwarden.accounts.lease=1s")
class LeaseHeartbeatTest {

    @LocalServerPort
    int port;
    @Value("${cloudwarden.db.url}")
    String dbUrl;

    @Test
    void aLongSyncKeepsItsLeaseAndALostLeaseStopsTheSync() {
        ApiClient api = new ApiClient(port).loginAsAdmin();
        JdbcTemplate db = TestDatabase.owner(dbUrl);

        String kept = register(api, "long-sync", "123456780001");
        api.post("/api/v1/accounts/" + kept + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(status(db, kept)));
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(status(db, kept)).as("the sync must outlive its 1 s lease for this test to mean anything").isEqualTo("RUNNING");
        assertThat(db.queryForList("select account_id::text from cw_claim_due_accounts('intruder', 10, 60)", String.class))
                .as("a renewed lease keeps other nodes away").doesNotContain(kept);
        await().atMost(Duration.ofSeconds(120)).until(() -> "SUCCEEDED".equals(status(db, kept)));

        String stolen = register(api, "stolen-sync", "123456780002");
        api.post("/api/v1/accounts/" + stolen + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(status(db, stolen)));
        db.update("update cloud_accounts set lease_owner = 'another-node' where id = ?::uuid", stolen);
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(db, stolen)));
        assertThat(db.queryForObject("select error_code from sync_runs where account_id = ?::uuid", String.class, stolen))
                .isEqualTo("SYNC_LEASE_LOST");
        assertThat(db.queryForObject("select count(*) from resources where account_id = ?::uuid", Long.class, stolen)).isZero();
        assertThat(db.queryForObject("select lease_owner from cloud_accounts where id = ?::uuid", String.class, stolen))
                .as("the node that lost the lease leaves it to its new owner").isEqualTo("another-node");
    }

    private static String register(ApiClient api, String name, String accountId) {
        Map<String, Object> body = TestAccounts.simulator(name, "aws", accountId);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("resources", "150000");
        return api.post("/api/v1/accounts", body).body().get("id").asString();
    }

    private static String status(JdbcTemplate db, String accountId) {
        return db.queryForList("select status from sync_runs where account_id = ?::uuid order by started_at desc limit 1",
                String.class, accountId).stream().findFirst().orElse("");
    }
}
