package io.cloudwarden.accounts;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PlatformTest
class AccountsApiTest {

    static final String SECRET = TestAccounts.SECRET;

    @LocalServerPort
    int port;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void login() {
        api = new ApiClient(port).loginAsAdmin();
        jdbc = TestDatabase.owner(dbUrl);
    }

    @Test
    void connectorsDescribeTheirConfiguration() {
        JsonNode connectors = api.get("/api/v1/connectors").body();
        JsonNode simulator = StreamSupport.stream(connectors.spliterator(), false)
                .filter(c -> c.get("name").asString().equals("simulator")).findFirst().orElseThrow();
        assertThat(simulator.get("providers").toString()).contains("aws", "azure", "gcp");
        JsonNode secret = StreamSupport.stream(simulator.get("configProperties").spliterator(), false)
                .filter(p -> p.get("key").asString().equals("accessSecret")).findFirst().orElseThrow();
        assertThat(secret.get("secret").asBoolean()).isTrue();
    }

    @Test
    void invalidConfigurationReportsEveryProblemAtOnce() {
        ApiClient.Response r = api.post("/api/v1/accounts", Map.of("name", "broken", "connector", "simulator",
                "config", Map.of("resources", "-5", "colour", "blue")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_ACCOUNT_CONFIG");
        List<String> fields = StreamSupport.stream(r.body().get("errors").spliterator(), false)
                .map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("config.provider", "config.accountId", "config.accessSecret", "config.resources", "config.colour");
        assertThat(jdbc.queryForObject("select count(*) from cloud_accounts where name = 'broken'", Long.class)).isZero();
    }

    @Test
    void unknownConnectorAndMissingNameAreBadRequests() {
        ApiClient.Response unknown = api.post("/api/v1/accounts", Map.of("name", "x", "connector", "oracle-cloud", "config", Map.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_CONNECTOR");
        ApiClient.Response noName = api.post("/api/v1/accounts", Map.of("connector", "simulator"));
        assertThat(noName.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void secretsAreStoredEncryptedAndNeverReturned() {
        ApiClient.Response created = api.post("/api/v1/accounts", TestAccounts.simulator("aws-secrets", "aws", "111122223333"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain(SECRET);
        assertThat(created.body().get("secretsSet").toString()).contains("accessSecret");
        assertThat(created.body().get("config").has("accessSecret")).isFalse();
        String id = created.body().get("id").asString();
        assertThat(api.get("/api/v1/accounts/" + id).raw()).doesNotContain(SECRET);
        assertThat(api.get("/api/v1/accounts").raw()).doesNotContain(SECRET);
        byte[] stored = jdbc.queryForObject("select secrets from cloud_accounts where id = ?::uuid", byte[].class, id);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        String config = jdbc.queryForObject("select config::text from cloud_accounts where id = ?::uuid", String.class, id);
        assertThat(config).doesNotContain(SECRET);
    }

    @Test
    void updateKeepsSecretsNotSentAndRejectsUnknownFields() {
        String id = api.post("/api/v1/accounts", TestAccounts.simulator("aws-update", "aws", "111122224444")).body().get("id").asString();
        ApiClient.Response renamed = api.patch("/api/v1/accounts/" + id, Map.of("name", "aws-renamed", "syncIntervalSeconds", 600,
                "config", Map.of("resources", "200")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("aws-renamed");
        assertThat(renamed.body().get("config").get("resources").asString()).isEqualTo("200");
        assertThat(renamed.body().get("secretsSet").toString()).contains("accessSecret");
        assertThat(api.post("/api/v1/accounts/" + id + "/test", Map.of()).body().get("ok").asBoolean()).isTrue();
        ApiClient.Response unknownField = api.patch("/api/v1/accounts/" + id, Map.of("colour", "blue"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("MALFORMED_REQUEST");
        ApiClient.Response badInterval = api.patch("/api/v1/accounts/" + id, Map.of("syncIntervalSeconds", 5));
        assertThat(badInterval.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void testConnectionReportsRejectedCredentials() {
        Map<String, Object> body = TestAccounts.simulator("aws-badcreds", "aws", "111122225555");
        ((Map<String, Object>) body.get("config")).put("accessSecret", "invalid-credentials");
        String id = api.post("/api/v1/accounts", body).body().get("id").asString();
        JsonNode check = api.post("/api/v1/accounts/" + id + "/test", Map.of()).body();
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("errorKind").asString()).isEqualTo("AUTHENTICATION");
    }

    @Test
    void listFiltersAndPagesWithACursor() {
        api.post("/api/v1/accounts", TestAccounts.simulator("page-a", "aws", "100000000001"));
        api.post("/api/v1/accounts", TestAccounts.simulator("page-b", "gcp", "page-project-b"));
        api.post("/api/v1/accounts", TestAccounts.simulator("page-c", "aws", "100000000003"));
        JsonNode first = api.get("/api/v1/accounts?provider=aws&limit=1").body();
        assertThat(first.get("items")).hasSize(1);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = api.get("/api/v1/accounts?provider=aws&limit=1&cursor=" + cursor).body();
        assertThat(second.get("items").get(0).get("name").asString()).isNotEqualTo(first.get("items").get(0).get("name").asString());
        assertThat(api.get("/api/v1/accounts?provider=gcp").body().get("items").toString()).contains("page-b").doesNotContain("page-a");
        assertThat(api.get("/api/v1/accounts?cursor=garbage").code()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/accounts?limit=0").code()).isEqualTo("INVALID_FILTER");
        ApiClient.Response misspelt = api.get("/api/v1/accounts?provder=aws");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.body().get("detail").asString()).contains("provder");
    }

    @Test
    void duplicateNamesConflict() {
        api.post("/api/v1/accounts", TestAccounts.simulator("dup", "aws", "100000000009"));
        ApiClient.Response again = api.post("/api/v1/accounts", TestAccounts.simulator("dup", "aws", "100000000010"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ACCOUNT_NAME_TAKEN");
    }

    @Test
    void syncNowRunsThroughTheConnectorPipelineAndIsRecorded() {
        String id = api.post("/api/v1/accounts", TestAccounts.simulator("aws-sync", "aws", "111122226666")).body().get("id").asString();
        assertThat(api.post("/api/v1/accounts/" + id + "/sync", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "SUCCEEDED".equals(api.get("/api/v1/accounts/" + id).body().path("lastSync").path("status").asString("")));
        JsonNode run = api.get("/api/v1/accounts/" + id + "/syncs").body().get("items").get(0);
        JsonNode listed = StreamSupport.stream(api.get("/api/v1/accounts?limit=500").body().get("items").spliterator(), false)
                .filter(a -> a.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(listed.get("lastSync").get("id").asString()).as("the list shows each account's last sync").isEqualTo(run.get("id").asString());
        assertThat(run.get("resources").asLong()).isGreaterThan(100);
        assertThat(run.get("created").asLong()).isEqualTo(run.get("resources").asLong());
        assertThat(run.get("durationMs").asLong()).isPositive();
        assertThat(run.get("trigger").asString()).isIn("MANUAL", "SCHEDULED");
        long resources = jdbc.queryForObject("select count(*) from resources where account_id = ?::uuid", Long.class, id);
        assertThat(resources).isEqualTo(run.get("resources").asLong());
        assertThat(api.get("/api/v1/accounts/" + id + "/syncs?status=BOGUS").code()).isEqualTo("INVALID_FILTER");
        ApiClient.Response metrics = new ApiClient(port).getText("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("cloudwarden_sync_runs_total", "cloudwarden_sync_duration_seconds",
                "cloudwarden_inventory_ingested_resources_total");
    }

    @Test
    void deleteRemovesTheAccountAndRetiresItsResources() {
        String id = api.post("/api/v1/accounts", TestAccounts.simulator("aws-delete", "aws", "111122227777")).body().get("id").asString();
        api.post("/api/v1/accounts/" + id + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "SUCCEEDED".equals(api.get("/api/v1/accounts/" + id).body().path("lastSync").path("status").asString("")));
        assertThat(api.delete("/api/v1/accounts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/accounts/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + id).code()).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(jdbc.queryForObject("select count(*) from resources where account_id = ?::uuid and deleted_at is null",
                Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from resources where account_id = ?::uuid", Long.class, id)).isPositive();
    }

    @Test
    void disabledAccountsDoNotSync() {
        String id = api.post("/api/v1/accounts", TestAccounts.simulator("aws-disabled", "aws", "111122228888")).body().get("id").asString();
        api.patch("/api/v1/accounts/" + id, Map.of("enabled", false));
        ApiClient.Response r = api.post("/api/v1/accounts/" + id + "/sync", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("ACCOUNT_DISABLED");
    }
}
