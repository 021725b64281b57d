package io.cloudwarden.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fail-closed: when the ledger cannot take an action's audit record, the action does not happen and the
 * caller is told why; once the ledger is back, actions are recorded again.
 */
@PlatformTest
class FailClosedTest {

    @LocalServerPort
    int port;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    ApiClient api;
    JdbcTemplate owner;

    @BeforeEach
    void login() {
        api = new ApiClient(port).loginAsAdmin();
        owner = TestDatabase.owner(dbUrl);
    }

    @Test
    void anActionWhoseAuditRecordCannotBeWrittenIsRolledBack() {
        owner.execute("alter table audit_outbox rename to audit_outbox_offline");
        try {
            ApiClient.Response r = api.post("/api/v1/accounts", TestAccounts.simulator("unrecorded", "aws", "123412341234"));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("AUDIT_UNAVAILABLE");
            assertThat(r.raw()).doesNotContain("audit_outbox");
        } finally {
            owner.execute("alter table audit_outbox_offline rename to audit_outbox");
        }
        assertThat(owner.queryForObject("select count(*) from cloud_accounts where name = 'unrecorded'", Integer.class))
                .as("the account was not created").isZero();

        ApiClient.Response again = api.post("/api/v1/accounts", TestAccounts.simulator("unrecorded", "aws", "123412341234"));
        assertThat(again.status()).isEqualTo(201);
        String target = "account:" + again.body().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/audit/entries?action=accounts.account.registered&target=" + target).body().get("items").size() == 1);
    }

    @Test
    void aDirectAppendThatCannotCommitFailsItsCaller() {
        owner.execute("alter table audit_entries rename to audit_entries_offline");
        try {
            ApiClient.Response export = api.getText("/api/v1/audit/entries/export?format=csv");
            assertThat(export.status()).isEqualTo(503);
            assertThat(export.raw()).contains("AUDIT_UNAVAILABLE").doesNotContain("index,timestamp");
        } finally {
            owner.execute("alter table audit_entries_offline rename to audit_entries");
        }
        assertThat(api.getText("/api/v1/audit/entries/export?format=csv").status()).isEqualTo(200);
    }
}
