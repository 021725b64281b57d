package io.cloudwarden.cost.explorer;

import static io.cloudwarden.cost.CostFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.cost.CostFixtures;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class SavedFilterApiTest {

    static final String PATH = "/api/v1/cost/saved-filters";

    @Autowired
    IdentityManagement identity;
    @Autowired
    CostLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    CostFixtures f;

    @BeforeEach
    void setUp() {
        f = new CostFixtures(identity, ledger, jdbc, port);
    }

    static Map<String, Object> filter(String name, List<String> filters) {
        return Map.of("name", name, "filters", filters);
    }

    /** Waits for the audit log's sequencer to append what the changes put in its outbox. */
    void assertAudited(String... actions) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                f.list("select action from audit_entries where action like 'cost.saved_filter.%' order by idx", String.class))
                .containsExactly(actions));
    }

    @Test
    void createReadUpdateAndDeleteAreEachAudited() {
        ApiClient.Response created = f.api.post(PATH, Map.of("name", " Search compute ", "description", "search team, no storage",
                "filters", List.of("tag:team=search", "service!=AmazonS3"), "groupBy", List.of("service", "region"),
                "metric", "billedcost", "granularity", "MONTH"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode body = created.body();
        String id = body.get("id").asString();
        assertThat(body.get("name").asString()).isEqualTo("Search compute");
        assertThat(body.get("filters").toString()).isEqualTo("[\"tag:team=search\",\"service!=AmazonS3\"]");
        assertThat(body.get("groupBy").toString()).isEqualTo("[\"service\",\"region\"]");
        assertThat(body.get("metric").asString()).isEqualTo("BilledCost");
        assertThat(body.get("granularity").asString()).isEqualTo("month");
        assertThat(body.get("createdBy").asString()).startsWith("user:");

        assertThat(f.api.get(PATH + "/" + id).body().get("description").asString()).isEqualTo("search team, no storage");
        ApiClient.Response updated = f.api.put(PATH + "/" + id, filter("Search", List.of("tag:team=search")));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("filters")).hasSize(1);
        assertThat(updated.body().get("groupBy").isNull()).isTrue();
        assertThat(f.api.get(PATH).body().get("items").get(0).get("name").asString()).isEqualTo("Search");

        assertThat(f.api.delete(PATH + "/" + id).status()).isEqualTo(204);
        assertThat(f.api.get(PATH + "/" + id).code()).isEqualTo("SAVED_FILTER_NOT_FOUND");
        assertThat(f.api.put(PATH + "/" + id, filter("Search", List.of())).code()).isEqualTo("SAVED_FILTER_NOT_FOUND");
        assertThat(f.api.delete(PATH + "/" + id).code()).isEqualTo("SAVED_FILTER_NOT_FOUND");
        assertAudited("cost.saved_filter.created", "cost.saved_filter.updated", "cost.saved_filter.deleted");
    }

    @Test
    void invalidFiltersAreRefusedNamingTheFieldAndNothingIsWritten() {
        ApiClient.Response r = f.api.post(PATH, Map.of("name", "", "filters", List.of("service=AmazonEC2", "colour=blue", "service"),
                "groupBy", List.of("service", "region", "account"), "metric", "Dollars", "granularity", "hour"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("SAVED_FILTER_INVALID");
        Map<String, String> problems = new HashMap<>();
        r.body().get("errors").forEach(e -> problems.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(problems).containsOnlyKeys("name", "filters[1]", "filters[2]", "groupBy", "metric", "granularity");
        assertThat(problems.get("filters[1]")).contains("'colour' is not a dimension");
        assertThat(problems.get("filters[2]")).contains("dimension=value");

        assertThat(f.api.postRaw(PATH, "{\"name\": \"x\", \"filters\": [null], \"groupBy\": [null]}").body().toString())
                .contains("filters[0]", "groupBy");
        assertThat(f.api.post(PATH, Map.of("name", "x", "filters", List.of("service=a"), "id", "00000000-0000-0000-0000-000000000001"))
                .status()).as("server-owned fields are refused").isEqualTo(400);
        assertThat(f.api.post(PATH, filter("dup", List.of("service=a"))).status()).isEqualTo(201);
        assertThat(f.api.post(PATH, filter("dup", List.of("service=b"))).code()).isEqualTo("SAVED_FILTER_NAME_TAKEN");
        assertThat(f.list("select name from cost_saved_filters", String.class)).containsExactly("dup");
        assertAudited("cost.saved_filter.created");
    }

    @Test
    void theListIsPagedByName() {
        for (String name : List.of("e", "b", "d", "a", "c")) {
            f.api.post(PATH, filter(name, List.of("service=" + name)));
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = f.api.get(PATH + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.get("items").forEach(i -> names.add(i.get("name").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(pages).isEqualTo(3);
        assertThat(f.api.get(PATH + "?q=C").body().get("items")).hasSize(1);
        assertThat(f.api.get(PATH + "?limit=0").code()).isEqualTo("INVALID_FILTER");
        assertThat(f.api.get(PATH + "?cursor=bm9wZQ").code()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        String id = f.api.post(PATH, filter("mine", List.of("service=AmazonEC2"))).body().get("id").asString();
        CostFixtures other = new CostFixtures(identity, ledger, jdbc, port);

        assertThat(other.api.get(PATH).body().get("items")).isEmpty();
        assertThat(other.api.get(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(other.api.put(PATH + "/" + id, filter("stolen", List.of())).status()).isEqualTo(404);
        assertThat(other.api.delete(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(other.api.get("/api/v1/cost/explorer?savedFilter=" + id).code()).isEqualTo("SAVED_FILTER_NOT_FOUND");
        assertThat(f.api.get(PATH + "/" + id).body().get("name").asString()).isEqualTo("mine");
    }

    @Test
    void readingNeedsCostReadAndChangingNeedsManageBudgets() {
        String id = f.api.post(PATH, filter("finops view", List.of("service=AmazonEC2"))).body().get("id").asString();
        String viewer = "viewer-" + f.tenant.value().toString().substring(0, 8);
        identity.createUser(f.tenant, viewer, CostFixtures.PASSWORD, List.of("VIEWER"));
        ApiClient v = new ApiClient(port).login(viewer, CostFixtures.PASSWORD);

        assertThat(v.get(PATH + "/" + id).status()).isEqualTo(200);
        assertThat(v.post(PATH, filter("mine", List.of())).status()).isEqualTo(403);
        assertThat(v.put(PATH + "/" + id, filter("mine", List.of())).status()).isEqualTo(403);
        assertThat(v.delete(PATH + "/" + id).status()).isEqualTo(403);
    }

    @Test
    void theExplorerAndsASavedFilterWithItsOwnFilters() {
        LocalDate day = LocalDate.parse("2025-03-03");
        f.load(row(1, "acct-1", day, "AmazonEC2", "60", Map.of("team", "search")),
                row(2, "acct-2", day, "AmazonEC2", "40", Map.of("team", "search")),
                row(3, "acct-1", day, "AmazonS3", "30", Map.of("team", "search")),
                row(4, "acct-1", day, "AmazonEC2", "25", Map.of("team", "payments")));
        String id = f.api.post(PATH, filter("search compute", List.of("tag:team=search", "service!=AmazonS3"))).body().get("id").asString();
        String range = "/api/v1/cost/explorer?from=2025-03-01&to=2025-04-01&savedFilter=" + id;

        assertThat(f.api.get(range).body().get("total").decimalValue()).isEqualByComparingTo("100");
        assertThat(f.api.get(range + "&filter=account=acct-1").body().get("total").decimalValue()).isEqualByComparingTo("60");
        // a dimension the saved filter already restricts is ANDed too, not added as an alternative
        assertThat(f.api.get(range + "&filter=service=AmazonS3").body().get("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(f.api.get("/api/v1/cost/explorer?savedFilter=00000000-0000-0000-0000-000000000001").code())
                .isEqualTo("SAVED_FILTER_NOT_FOUND");
        ApiClient.Response export = f.api.getText("/api/v1/cost/export/focus?from=2025-03-01&to=2025-04-01&savedFilter=" + id);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw().lines().count()).as("header and the two search EC2 rows").isEqualTo(3);
    }
}
