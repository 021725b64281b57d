package io.cloudwarden.cost.budget;

import static io.cloudwarden.cost.CostFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.CostFixtures;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Budgets scoped by a saved explorer filter (ADR 38) measure what the explorer shows for that filter. */
@PlatformTest
class BudgetSavedFilterApiTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-10");

    @Autowired
    IdentityManagement identity;
    @Autowired
    CostLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BudgetEvaluator evaluator;
    @LocalServerPort
    int port;

    CostFixtures f;

    @BeforeEach
    void setUp() {
        evaluator.useClock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        f = new CostFixtures(identity, ledger, jdbc, port);
    }

    @AfterEach
    void resetClock() {
        evaluator.useClock(Clock.systemUTC());
    }

    String savedFilter(String name, List<String> filters) {
        ApiClient.Response r = f.api.post("/api/v1/cost/saved-filters", Map.of("name", name, "filters", filters));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    ApiClient.Response budget(String name, String savedFilter, int amount) {
        return f.api.post("/api/v1/cost/budgets", Map.of("name", name, "scope", Map.of("type", "SAVED_FILTER", "savedFilterId", savedFilter),
                "period", "MONTHLY", "amount", amount, "currency", "USD", "thresholds", Map.of("actual", List.of(50), "projected", List.of())));
    }

    @Test
    void aBudgetScopedBySavedFilterSpendsWhatTheExplorerTotalsForIt() {
        List<FocusRow> rows = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            LocalDate day = TODAY.withDayOfMonth(d);
            rows.addAll(List.of(row(d * 10L + 1, "acct-1", day, "AmazonEC2", "7.5", Map.of("team", "search")),
                    row(d * 10L + 2, "acct-2", day, "AmazonRDS", "2.25", Map.of("team", "search", "env", "prod")),
                    row(d * 10L + 3, "acct-1", day, "AmazonS3", "100", Map.of("team", "search")),
                    row(d * 10L + 4, "acct-1", day, "AmazonEC2", "50", Map.of("team", "payments")),
                    row(d * 10L + 5, "acct-1", day.minusMonths(1), "AmazonEC2", "1000", Map.of("team", "search"))));
        }
        f.load(rows.toArray(FocusRow[]::new)); // one import: a load replaces the (account, billing period) it contains
        // tag and negation: the explorer answers this from the cost rows
        String filter = savedFilter("search without storage", List.of("tag:team=search", "service!=AmazonS3"));
        ApiClient.Response created = budget("search", filter, 150);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("scope").get("savedFilterId").asString()).isEqualTo(filter);

        JsonNode status = f.api.get("/api/v1/cost/budgets/" + created.body().get("id").asString() + "/status").body();
        JsonNode explorer = f.api.get("/api/v1/cost/explorer?metric=EffectiveCost&currency=USD&from=2026-11-01&to=2026-11-11&savedFilter="
                + filter).body();
        assertThat(explorer.get("total").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(status.get("actual").decimalValue()).isEqualByComparingTo(explorer.get("total").decimalValue());
        assertThat(f.list("select kind || ':' || threshold::text from cost_budget_crossings", String.class)).containsExactly("ACTUAL:50");

        // changing the saved filter changes what the budget measures
        f.api.put("/api/v1/cost/saved-filters/" + filter, Map.of("name", "search without storage",
                "filters", List.of("tag:team=search", "service!=AmazonS3", "account=acct-2")));
        JsonNode after = f.api.get("/api/v1/cost/budgets/" + created.body().get("id").asString() + "/status").body();
        assertThat(after.get("actual").decimalValue()).isEqualByComparingTo("22.5");
    }

    @Test
    void aSavedFilterInUseCannotBeDeletedAndTheRefusalNamesTheBudgets() {
        String filter = savedFilter("compute", List.of("service=AmazonEC2"));
        String first = budget("EC2 monthly", filter, 100).body().get("id").asString();
        budget("EC2 stretch", filter, 200);

        ApiClient.Response refused = f.api.delete("/api/v1/cost/saved-filters/" + filter);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SAVED_FILTER_IN_USE");
        assertThat(refused.body().get("detail").asString()).contains("\"EC2 monthly\"", "\"EC2 stretch\"");
        assertThat(refused.body().get("errors")).hasSize(2);
        assertThat(f.api.get("/api/v1/cost/saved-filters/" + filter).status()).isEqualTo(200);

        f.api.put("/api/v1/cost/budgets/" + first, Map.of("name", "EC2 monthly", "scope", Map.of("type", "SERVICE", "value", "AmazonEC2"),
                "period", "MONTHLY", "amount", 100, "currency", "USD"));
        assertThat(f.api.delete("/api/v1/cost/saved-filters/" + filter).body().get("detail").asString())
                .contains("\"EC2 stretch\"").doesNotContain("EC2 monthly");
    }

    @Test
    void aBudgetCannotNameAMissingOrForeignSavedFilter() {
        CostFixtures other = new CostFixtures(identity, ledger, jdbc, port);
        String foreign = other.api.post("/api/v1/cost/saved-filters", Map.of("name", "theirs", "filters", List.of())).body().get("id").asString();

        for (String id : List.of(foreign, "00000000-0000-0000-0000-000000000001")) {
            ApiClient.Response r = budget("x", id, 10);
            assertThat(r.code()).isEqualTo("BUDGET_INVALID");
            assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("scope.savedFilterId");
        }
        ApiClient.Response missing = f.api.post("/api/v1/cost/budgets", Map.of("name", "x", "scope", Map.of("type", "SAVED_FILTER"),
                "period", "MONTHLY", "amount", 10, "currency", "USD"));
        assertThat(missing.code()).isEqualTo("BUDGET_INVALID");
        assertThat(f.api.get("/api/v1/cost/budgets").body()).isEmpty();
    }
}
