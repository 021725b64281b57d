package io.cloudwarden.cost.chargeback;

import static io.cloudwarden.cost.CostFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.CostFixtures;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ChargebackApiTest {

    static final LocalDate DAY = LocalDate.parse("2025-03-05");

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
    void setUp() throws Exception {
        f = new CostFixtures(identity, ledger, jdbc, port);
        ApiClient.Response rules = f.api.put("/api/v1/cost/allocation/rules", Map.of("rules", List.of(Map.of("name", "team tag",
                "conditions", List.of(Map.of("field", "TAG", "key", "team", "op", "EXISTS")), "assign", Map.of("team", Map.of("fromTag", "team"))))));
        assertThat(rules.status()).isEqualTo(202);
        String job = rules.body().get("reallocation").get("id").asString();
        for (int i = 0; i < 100 && !f.api.get("/api/v1/cost/allocation/reallocations/" + job).body().get("status").asString().equals("SUCCEEDED"); i++) {
            Thread.sleep(50);
        }
        // direct: a 60, b 30, c 10, unallocated 5; pools: Support 100.01 (EVEN), Network 10.01 (PROPORTIONAL), Security 0.10 (FIXED)
        f.load(row(1, "acct", DAY, "EC2", "60", Map.of("team", "a")), row(2, "acct", DAY, "EC2", "30", Map.of("team", "b")),
                row(3, "acct", DAY, "EC2", "10", Map.of("team", "c")), row(4, "acct", DAY, "EC2", "5", Map.of()),
                row(5, "acct", DAY, "AWS Support", "100.01", Map.of()), row(6, "acct", DAY, "VPC", "10.01", Map.of("team", "a")),
                row(7, "acct", DAY, "GuardDuty", "0.10", Map.of()));
    }

    void sharedCosts(Map<String, Object>... rules) {
        ApiClient.Response r = f.api.put("/api/v1/cost/allocation/shared-costs", Map.of("rules", List.of(rules)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    static Map<String, Object> pool(String name, String service, String method, List<Map<String, Object>> targets) {
        return Map.of("name", name, "conditions", List.of(Map.of("field", "SERVICE_NAME", "op", "EQUALS", "values", List.of(service))),
                "method", method, "targets", targets);
    }

    static Map<String, Object> target(String value, String percent) {
        return percent == null ? Map.of("value", value) : Map.of("value", value, "percent", new BigDecimal(percent));
    }

    Map<String, String> shares(JsonNode report, String pool) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode p : report.get("pools")) {
            if (p.get("name").asString().equals(pool)) {
                p.get("shares").properties().forEach(e -> out.put(e.getKey(), e.getValue().decimalValue().setScale(2).toPlainString()));
            }
        }
        return out;
    }

    @Test
    void sharedCostsSplitEvenlyProportionallyAndByFixedPercentagesSumExactly() {
        sharedCosts(pool("Support", "AWS Support", "EVEN", List.of()),
                pool("Network", "VPC", "PROPORTIONAL", List.of()),
                pool("Security", "GuardDuty", "FIXED", List.of(target("a", "50"), target("b", "30"), target("c", "20"))));

        JsonNode report = f.api.get("/api/v1/cost/chargeback?month=2025-03&dimension=team").body();

        // 100.01 / 3 = 33.336.. rounds to 33.34 each; the -0.01 left over goes to the largest (first) share
        assertThat(shares(report, "Support")).containsOnly(Map.entry("a", "33.33"), Map.entry("b", "33.34"),
                Map.entry("c", "33.34"));
        assertThat(shares(report, "Network")).containsOnly(Map.entry("a", "6.01"), Map.entry("b", "3.00"),
                Map.entry("c", "1.00"));
        assertThat(shares(report, "Security")).containsOnly(Map.entry("a", "0.05"), Map.entry("b", "0.03"),
                Map.entry("c", "0.02"));
        Map<String, JsonNode> lines = new HashMap<>();
        report.get("lines").forEach(l -> lines.put(l.get("value").asString(), l));
        assertThat(lines.keySet()).containsExactlyInAnyOrder("a", "b", "c", "(unallocated)");
        assertThat(lines.get("a").get("directEffectiveCost").decimalValue()).isEqualByComparingTo("60");
        assertThat(lines.get("a").get("sharedEffectiveCost").decimalValue()).isEqualByComparingTo("39.39");
        assertThat(lines.get("a").get("totalEffectiveCost").decimalValue()).isEqualByComparingTo("99.39");
        assertThat(lines.get("(unallocated)").get("totalEffectiveCost").decimalValue()).isEqualByComparingTo("5");
        assertThat(lines.get("(unallocated)").get("allocationRuleIds")).isEmpty();
        assertThat(lines.get("a").get("allocationRuleIds")).hasSize(1);
        assertThat(lines.get("a").get("sharedCostRuleIds")).hasSize(3);
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode l : report.get("lines")) {
            total = total.add(l.get("totalEffectiveCost").decimalValue());
        }
        assertThat(total).isEqualByComparingTo("215.12");
        assertThat(report.get("totals").get("USD").get("effectiveCost").decimalValue()).isEqualByComparingTo("215.12");
    }

    @Test
    void csvAndPdfCarryTheReport() throws Exception {
        sharedCosts(pool("Support", "AWS Support", "EVEN", List.of(target("a", null), target("b", null))));

        ApiClient.Response csv = f.api.getText("/api/v1/cost/chargeback/export?month=2025-03&dimension=team&format=csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.raw().lines().toList();
        assertThat(rows.get(0)).isEqualTo(String.join(",", ChargebackCsv.COLUMNS));
        // a: direct 60 + VPC 10.01 = 70.01, shared 50.01 (100.01 / 2 = 50.005 -> 50.00 each, the cent to the first)
        assertThat(rows).anyMatch(r -> r.startsWith("2025-03,team,a,USD,70.01,50.01,120.02,70.01,50.01,120.02,55.79,"));
        assertThat(rows).anyMatch(r -> r.startsWith("2025-03,team,b,USD,30.00,50.00,80.00,30.00,50.00,80.00,37.19,"));
        assertThat(rows).anyMatch(r -> r.startsWith("2025-03,team,(unallocated),USD,5.10,0.00,5.10,"));
        assertThat(rows).hasSize(5);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/cost/chargeback/export?month=2025-03&format=pdf"))
                .header("Authorization", "Bearer " + f.api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Chargeback 2025-03 by team", "(unallocated)", "120.02", "Support", "EVEN");
        }
    }

    @Test
    void badInputIsRefusedWithStableCodes() {
        assertThat(f.api.get("/api/v1/cost/chargeback?month=March").code()).isEqualTo("CHARGEBACK_MONTH_INVALID");
        assertThat(f.api.get("/api/v1/cost/chargeback?month=2025-03&dimension=owner").code()).isEqualTo("CHARGEBACK_DIMENSION_INVALID");
        assertThat(f.api.getText("/api/v1/cost/chargeback/export?month=2025-03&format=xlsx").status()).isEqualTo(400);
        ApiClient.Response r = f.api.put("/api/v1/cost/allocation/shared-costs", Map.of("rules", List.of(
                pool("Security", "GuardDuty", "FIXED", List.of(target("a", "50"), target("b", "30"))))));
        assertThat(r.code()).isEqualTo("ALLOCATION_SHARED_COST_INVALID");
        assertThat(r.raw()).contains("must sum to 100");
        assertThat(f.api.get("/api/v1/cost/allocation/shared-costs").body().get("rules")).isEmpty();
    }
}
