package io.cloudwarden.cost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class CostExplorerApiTest {

    private static final String PASSWORD = "a-long-enough-test-password";

    @LocalServerPort
    int port;
    @Autowired
    CostLedger ledger;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TenantId tenant;

    @BeforeEach
    void estate() {
        String name = "costx-" + UUID.randomUUID().toString().substring(0, 8);
        tenant = identity.createTenant(name, "CUSTOMER", null).id();
        identity.createUser(tenant, name, PASSWORD, List.of("ADMIN"));
        api = new ApiClient(port).login(name, PASSWORD);
        UUID load = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> jdbc.sql("""
                insert into cost_imports (id, tenant_id, source, file_name, status, requested_by)
                values (?, ?, 'CLI', 'test.csv', 'RUNNING', 'test')""").params(load, tenant.value()).update());
        ledger.load(tenant, load, w -> {
            long n = 0;
            // January: EC2 100 (payments 60, search 40), S3 30 (untagged), tax 5; February: EC2 50, S3 20
            w.write(row(++n, "2025-01-05", "AmazonEC2", "i-1", "payments", "60", "50", "70"));
            w.write(row(++n, "2025-01-06", "AmazonEC2", "i-2", "search", "40", "35", "45"));
            w.write(row(++n, "2025-01-07", "AmazonS3", "bucket-1", null, "30", "30", "30"));
            w.write(row(++n, "2025-01-31", "Tax", null, null, "5", "5", "5").set(FocusColumn.CHARGE_CATEGORY, "Tax"));
            w.write(row(++n, "2025-02-03", "AmazonEC2", "i-1", "payments", "50", "45", "55"));
            w.write(row(++n, "2025-02-04", "AmazonS3", "bucket-1", null, "20", "20", "20"));
        });
    }

    @Test
    void groupsByServicePerMonthFromTheRollup() {
        JsonNode r = ok("/api/v1/cost/explorer?groupBy=service&granularity=month&from=2025-01-01&to=2025-03-01&view=actual");

        assertThat(r.get("metric").asString()).isEqualTo("BilledCost");
        assertThat(r.get("source").asString()).isEqualTo("daily");
        assertThat(r.get("periods").toString()).isEqualTo("[\"2025-01-01\",\"2025-02-01\"]");
        assertThat(amount(r.get("total"))).isEqualByComparingTo("205");
        JsonNode ec2 = r.get("groups").get(0);
        assertThat(ec2.get("label").asString()).isEqualTo("AmazonEC2");
        assertThat(amount(ec2.get("values").get(0))).isEqualByComparingTo("100");
        assertThat(amount(ec2.get("values").get(1))).isEqualByComparingTo("50");
    }

    @Test
    void topNKeepsTheLargestAndSumsTheRestAsOther() {
        JsonNode r = ok("/api/v1/cost/explorer?groupBy=service&granularity=month&from=2025-01-01&to=2025-03-01&top=1&metric=BilledCost");

        assertThat(r.get("groups")).hasSize(2);
        assertThat(r.get("groups").get(0).get("label").asString()).isEqualTo("AmazonEC2");
        assertThat(r.get("groups").get(1).get("other").asBoolean()).isTrue();
        assertThat(amount(r.get("groups").get(1).get("total"))).isEqualByComparingTo("55");
    }

    @Test
    void allocationGroupsShowTheUnallocatedBucketAndTagsComeFromTheRows() {
        JsonNode team = ok("/api/v1/cost/explorer?groupBy=team&from=2025-01-01&to=2025-02-01&metric=BilledCost");
        assertThat(team.get("groups").findValuesAsString("label")).contains("(unallocated)");

        JsonNode tag = ok("/api/v1/cost/explorer?groupBy=tag:team&from=2025-01-01&to=2025-02-01&metric=BilledCost&granularity=month");
        assertThat(tag.get("source").asString()).isEqualTo("rows");
        assertThat(tag.get("groups").findValuesAsString("label")).containsExactly("payments", "search", "(untagged)");
        assertThat(amount(tag.get("groups").get(2).get("total"))).isEqualByComparingTo("35");

        JsonNode filtered = ok("/api/v1/cost/explorer?filter=tag:team=&from=2025-01-01&to=2025-02-01&metric=BilledCost");
        assertThat(amount(filtered.get("total"))).isEqualByComparingTo("35");
    }

    @Test
    void filtersCombineAndCompareWithThePreviousPeriod() {
        JsonNode r = ok("/api/v1/cost/explorer?groupBy=service&filter=chargeCategory!=Tax&from=2025-02-01&to=2025-03-01"
                + "&metric=BilledCost&compare=previous");

        assertThat(amount(r.get("total"))).isEqualByComparingTo("70");
        // the previous 28 days (2025-01-04 .. 2025-01-31) exclude tax by the same filter
        assertThat(amount(r.get("previousTotal"))).isEqualByComparingTo("130");
        JsonNode ec2 = r.get("groups").get(0);
        assertThat(amount(ec2.get("previousTotal"))).isEqualByComparingTo("100");
    }

    @Test
    void topResourcesOverWholeMonthsAreRankedFromTheMonthlyRollupAndAgreeWithTheRows() {
        String range = "/api/v1/cost/explorer?groupBy=resource&from=2025-01-01&to=2025-03-01&metric=EffectiveCost&top=2";
        JsonNode monthly = ok(range + "&granularity=month");
        JsonNode daily = ok(range + "&granularity=day");
        // a filter on a dimension the monthly resource rollup lacks: the same question answered from the rows alone
        JsonNode rows = ok(range + "&granularity=day&filter=chargeCategory!=Adjustment");
        // the range cuts January, which has spend outside it: no whole months to rank from
        JsonNode cut = ok("/api/v1/cost/explorer?groupBy=resource&from=2025-01-06&to=2025-03-01&metric=EffectiveCost&top=2&granularity=day");

        assertThat(monthly.get("source").asString()).isEqualTo("resource_monthly");
        assertThat(daily.get("source").asString()).isEqualTo("resource_monthly");
        assertThat(rows.get("source").asString()).isEqualTo("rows");
        assertThat(cut.get("source").asString()).isEqualTo("rows");
        for (JsonNode r : List.of(monthly, daily, rows)) {
            assertThat(r.get("groups").get(0).get("key").get(0).asString()).isEqualTo("i-1");
            assertThat(amount(r.get("groups").get(0).get("total"))).isEqualByComparingTo("95");
            assertThat(amount(r.get("groups").get(1).get("total"))).isEqualByComparingTo("50");
            // i-2 (35) and the tax without a resource (5) are "other"
            assertThat(r.get("groups").get(2).get("other").asBoolean()).isTrue();
            assertThat(amount(r.get("groups").get(2).get("total"))).isEqualByComparingTo("40");
            assertThat(amount(r.get("total"))).isEqualByComparingTo("185");
        }
        // the two-phase answer has the very same daily series as the rows, also with the cost without a resource among the top
        assertThat(daily.get("groups").toString()).isEqualTo(rows.get("groups").toString());
        JsonNode all = ok(range.replace("top=2", "top=10") + "&granularity=day");
        assertThat(all.get("source").asString()).isEqualTo("resource_monthly");
        assertThat(all.get("groups").findValuesAsString("label")).contains("(none)");
        assertThat(all.get("groups").toString())
                .isEqualTo(ok(range.replace("top=2", "top=10") + "&granularity=day&filter=chargeCategory!=Adjustment").get("groups").toString());
        assertThat(amount(cut.get("total"))).isEqualByComparingTo("135");
    }

    @Test
    void badQueriesAreRefusedWithEveryProblemNamed() {
        ApiClient.Response r = api.get("/api/v1/cost/explorer?groupBy=colour&metric=Price&granularity=hour&from=2025-13-01");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_FILTER");
        assertThat(r.body().get("errors").findValuesAsString("field")).contains("groupBy", "metric", "granularity", "from");
        assertThat(api.get("/api/v1/cost/explorer?groupBy=service,region,team").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/cost/explorer?from=2020-01-01&to=2025-01-01").status()).isEqualTo(400);
    }

    @Test
    void savingsFollowTheFocusFormulas() {
        JsonNode r = ok("/api/v1/cost/savings?from=2025-01-01&to=2025-02-01");

        JsonNode total = r.get("total");
        // list 150 (70+45+30+5), contracted = billed here (130+5), effective 120
        assertThat(amount(total.get("listCost"))).isEqualByComparingTo("150");
        assertThat(amount(total.get("totalSavings"))).isEqualByComparingTo("30");
        assertThat(amount(total.get("negotiatedSavings"))).isEqualByComparingTo("15");
        assertThat(amount(total.get("commitmentSavings"))).isEqualByComparingTo("15");
    }

    @Test
    void aResourcesCostHistoryAndTheOverviewSummary() {
        JsonNode r = ok("/api/v1/cost/resource?resourceId=i-1&from=2025-01-01&to=2025-03-01");
        assertThat(amount(r.get("billedCost"))).isEqualByComparingTo("110");
        assertThat(r.get("days")).hasSize(2);

        JsonNode s = ok("/api/v1/cost/summary?asOf=2025-02-10");
        assertThat(s.get("asOf").asString()).isEqualTo("2025-02-04");
        assertThat(amount(s.get("monthToDate"))).isEqualByComparingTo("65");
        assertThat(amount(s.get("lastMonthTotal"))).isEqualByComparingTo("120");
        assertThat(amount(s.get("unallocatedPercent"))).isEqualByComparingTo("100");

        JsonNode dims = ok("/api/v1/cost/dimensions");
        assertThat(dims.get("tagKeys").toString()).contains("team");
        JsonNode values = ok("/api/v1/cost/dimensions/service/values?from=2025-01-01&to=2025-03-01");
        assertThat(values.get(0).get("value").asString()).isEqualTo("AmazonEC2");
    }

    @Test
    void anotherTenantSeesNothing() {
        String other = "costy-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId t = identity.createTenant(other, "CUSTOMER", null).id();
        identity.createUser(t, other, PASSWORD, List.of("ADMIN"));
        JsonNode r = new ApiClient(port).login(other, PASSWORD).get("/api/v1/cost/explorer?from=2025-01-01&to=2025-03-01").body();
        assertThat(amount(r.get("total"))).isEqualByComparingTo("0");
    }

    private JsonNode ok(String path) {
        ApiClient.Response r = api.get(path);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static BigDecimal amount(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    private static FocusRow row(long n, String day, String service, String resource, String team, String billed, String effective,
                                String list) {
        LocalDate d = LocalDate.parse(day);
        LocalDate period = d.withDayOfMonth(1);
        return new FocusRow(n)
                .set(FocusColumn.BILLING_ACCOUNT_ID, "acct-1")
                .set(FocusColumn.BILLING_CURRENCY, "USD")
                .set(FocusColumn.BILLING_PERIOD_START, period + "T00:00:00Z")
                .set(FocusColumn.BILLING_PERIOD_END, period.plusMonths(1) + "T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_START, d + "T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_END, d.plusDays(1) + "T00:00:00Z")
                .set(FocusColumn.SERVICE_NAME, service)
                .set(FocusColumn.PROVIDER_NAME, "AWS")
                .set(FocusColumn.CHARGE_CATEGORY, "Usage")
                .set(FocusColumn.RESOURCE_ID, resource)
                .set(FocusColumn.BILLED_COST, billed)
                .set(FocusColumn.CONTRACTED_COST, billed)
                .set(FocusColumn.EFFECTIVE_COST, effective)
                .set(FocusColumn.LIST_COST, list)
                .set(FocusColumn.TAGS, team == null ? null : "{\"team\":\"" + team + "\"}");
    }
}
