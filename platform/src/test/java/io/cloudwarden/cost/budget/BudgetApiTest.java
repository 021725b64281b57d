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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class BudgetApiTest {

    /** "Today" for these tests: the 10th of a 30-day month, so the run rate triples spend to date. */
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

    static Map<String, Object> budget(String name, Map<String, Object> scope, int amount, List<Integer> actual, List<Integer> projected) {
        return Map.of("name", name, "scope", scope, "period", "MONTHLY", "amount", amount, "currency", "USD",
                "thresholds", Map.of("actual", actual, "projected", projected));
    }

    /** {@code perDay} on each of the first {@code days} days of November, tagged as given. */
    FocusRow[] spend(int days, String perDay, Map<String, String> tags) {
        FocusRow[] rows = new FocusRow[days];
        for (int d = 0; d < days; d++) {
            rows[d] = row(d + 1, "acct", TODAY.withDayOfMonth(d + 1), "EC2", perDay, tags);
        }
        return rows;
    }

    List<String> crossings() {
        return f.list("select kind || ':' || threshold::text from cost_budget_crossings order by kind, threshold", String.class);
    }

    long audited() {
        return f.sum("select count(*) from audit_entries where action = 'cost.budget.threshold_crossed'").longValue();
    }

    @Test
    void eachThresholdIsCrossedOncePerPeriodEvenWhenCostsAreReingested() {
        ApiClient.Response created = f.api.post("/api/v1/cost/budgets", budget("all", Map.of("type", "TENANT"), 100, List.of(50, 80, 100), List.of()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();

        f.load(spend(10, "6", Map.of())); // 60
        assertThat(crossings()).containsExactly("ACTUAL:50");
        f.load(spend(10, "6", Map.of())); // the same again: replaced, not added, and not announced again
        assertThat(crossings()).containsExactly("ACTUAL:50");
        f.load(spend(10, "8.5", Map.of())); // 85
        assertThat(crossings()).containsExactly("ACTUAL:50", "ACTUAL:80");
        f.load(spend(10, "8.5", Map.of()));
        assertThat(audited()).isEqualTo(2);

        JsonNode status = f.api.get("/api/v1/cost/budgets/" + id + "/status").body();
        assertThat(status.get("actual").decimalValue()).isEqualByComparingTo("85");
        assertThat(status.get("projected").decimalValue()).isEqualByComparingTo("255");
        assertThat(status.get("projectionMethod").asString()).isEqualTo("RUN_RATE_MTD");
        Map<String, Boolean> crossed = new HashMap<>();
        status.get("thresholds").forEach(t -> crossed.put(t.get("kind").asString() + t.get("percent").asInt(), t.get("crossed").asBoolean()));
        assertThat(crossed).containsOnly(Map.entry("ACTUAL50", true), Map.entry("ACTUAL80", true), Map.entry("ACTUAL100", false));
        JsonNode burn = status.get("burnDown");
        assertThat(burn).hasSize(30);
        assertThat(burn.get(0).get("actualCumulative").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(burn.get(9).get("actualCumulative").decimalValue()).isEqualByComparingTo("85");
        assertThat(burn.get(10).get("actualCumulative").isNull()).isTrue();
        assertThat(burn.get(29).get("budgetLine").decimalValue()).isEqualByComparingTo("100");
        assertThat(burn.get(14).get("budgetLine").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void projectedSpendCrossesBeforeActualSpendDoes() {
        f.api.post("/api/v1/cost/budgets", budget("search", Map.of("type", "TAG", "value", "Team=search"), 300, List.of(50), List.of(80, 100)));

        f.load(spend(10, "10", Map.of("team", "search"))); // actual 100 (33%), projected 100 / 10 x 30 = 300 (100%)
        f.load(row(99, "acct", TODAY, "EC2", "1000", Map.of("team", "other")));

        assertThat(crossings()).containsExactly("PROJECTED:80", "PROJECTED:100");
        assertThat(audited()).isEqualTo(2);
    }

    @Test
    void aNewBudgetIsEvaluatedAgainstCostsAlreadyLoaded() {
        f.load(spend(10, "10", Map.of()));
        ApiClient.Response r = f.api.post("/api/v1/cost/budgets", Map.of("name", "acct", "scope", Map.of("type", "BILLING_ACCOUNT",
                "value", "acct"), "period", "QUARTERLY", "amount", 150, "currency", "USD"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("thresholds").get("actual")).hasSize(3);
        // Q4 2026: 100 of 150 spent (66%); 41 of 92 days elapsed, so the run rate projects 224.39 (149%)
        assertThat(crossings()).containsExactly("ACTUAL:50", "PROJECTED:50", "PROJECTED:80", "PROJECTED:100");
        JsonNode status = f.api.get("/api/v1/cost/budgets/" + r.body().get("id").asString() + "/status").body();
        assertThat(status.get("periodStart").asString()).isEqualTo("2026-10-01");
        assertThat(status.get("projected").decimalValue()).isEqualByComparingTo("224.39");
    }

    @Test
    void badBudgetsAreRefusedWithStableCodes() {
        ApiClient.Response r = f.api.post("/api/v1/cost/budgets", Map.of("name", "", "scope", Map.of("type", "TAG", "value", "nokey"),
                "period", "QUARTERLY", "amount", -5, "currency", "usd", "monthlyAmounts", Map.of("13", 5),
                "thresholds", Map.of("actual", List.of(50, 50), "projected", List.of())));
        assertThat(r.code()).isEqualTo("BUDGET_INVALID");
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("name", "scope.value", "amount", "currency", "monthlyAmounts", "thresholds.actual");

        f.api.post("/api/v1/cost/budgets", budget("dup", Map.of("type", "TENANT"), 10, List.of(50), List.of()));
        assertThat(f.api.post("/api/v1/cost/budgets", budget("dup", Map.of("type", "TENANT"), 10, List.of(50), List.of())).code())
                .isEqualTo("BUDGET_NAME_TAKEN");
        assertThat(f.api.get("/api/v1/cost/budgets/00000000-0000-0000-0000-000000000001/status").code()).isEqualTo("BUDGET_NOT_FOUND");
        assertThat(f.api.get("/api/v1/cost/budgets").body()).hasSize(1);
    }
}
