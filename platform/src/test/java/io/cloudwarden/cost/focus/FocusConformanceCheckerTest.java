package io.cloudwarden.cost.focus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.focus.ConformanceReport.RuleResult;
import io.cloudwarden.cost.focus.ConformanceReport.Status;
import io.cloudwarden.cost.ingest.CostFileReader;
import io.cloudwarden.cost.ingest.CostRowSink;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FOCUS 1.2 conformance checker over the FOCUS sample and over deliberately broken rows. */
class FocusConformanceCheckerTest {

    private static final FocusConformanceChecker CHECKER = new FocusConformanceChecker();

    private static FocusRow validRow(long n) {
        return new FocusRow(n)
                .set(FocusColumn.BILLED_COST, "1.50").set(FocusColumn.EFFECTIVE_COST, "1.50")
                .set(FocusColumn.LIST_COST, "2").set(FocusColumn.CONTRACTED_COST, "1.50")
                .set(FocusColumn.BILLING_ACCOUNT_ID, "acct").set(FocusColumn.BILLING_ACCOUNT_NAME, "Acct")
                .set(FocusColumn.BILLING_CURRENCY, "USD")
                .set(FocusColumn.BILLING_PERIOD_START, "2024-09-01T00:00:00Z").set(FocusColumn.BILLING_PERIOD_END, "2024-10-01T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_START, "2024-09-01T00:00:00Z").set(FocusColumn.CHARGE_PERIOD_END, "2024-09-02T00:00:00Z")
                .set(FocusColumn.CHARGE_CATEGORY, "Usage").set(FocusColumn.CHARGE_DESCRIPTION, "thing")
                .set(FocusColumn.PROVIDER_NAME, "AWS").set(FocusColumn.PUBLISHER_NAME, "AWS")
                .set(FocusColumn.INVOICE_ISSUER_NAME, "AWS").set(FocusColumn.SERVICE_NAME, "EC2")
                .set(FocusColumn.SERVICE_CATEGORY, "Compute");
    }

    @Test
    void aDeliberatelyBrokenRowFailsExactlyTheRulesItBreaks() {
        FocusConformanceChecker.Session session = CHECKER.begin();
        session.check(validRow(1));
        session.check(validRow(2).set(FocusColumn.BILLED_COST, null)            // BilledCost MUST NOT be null
                .set(FocusColumn.CHARGE_CATEGORY, "Refund")                    // not an allowed value
                .set(FocusColumn.BILLING_CURRENCY, "XXZ")                      // not ISO 4217
                .set(FocusColumn.CHARGE_PERIOD_START, "2024-09-01 00:00:00")); // not ISO 8601 UTC
        session.check(validRow(3).set(FocusColumn.TAGS, "team=a"));             // Tags not a JSON object
        ConformanceReport report = session.finish();

        assertThat(report.rowsChecked()).isEqualTo(3);
        assertThat(failingRows(report, "BilledCost-C-003-M")).containsExactly(2L);
        assertThat(failingRows(report, "ChargeCategory-C-003-M")).containsExactly(2L);
        assertThat(failingRows(report, "BillingCurrency-C-003-M")).containsExactly(2L);
        assertThat(failingRows(report, "ChargePeriodStart-C-002-M")).containsExactly(2L);
        RuleResult tags = report.rules().stream().filter(r -> r.ruleId().startsWith("Tags-C-") && r.failed() > 0)
                .findFirst().orElseThrow();
        assertThat(tags.firstFailingRows()).containsExactly(3L);
        RuleResult billed = report.rule("BilledCost-C-003-M").orElseThrow();
        assertThat(billed.keyword()).isEqualTo("MUST NOT");
        assertThat(billed.description()).isEqualTo("BilledCost MUST NOT be null.");
        assertThat(billed.passed()).isEqualTo(2);
        assertThat(report.conformant()).isFalse();
        // row 1 alone fails no row-level MUST rule on the columns it sets
        assertThat(report.rule("BilledCost-C-002-M").orElseThrow().status()).isEqualTo(Status.PASSED);
    }

    private static java.util.List<Long> failingRows(ConformanceReport report, String id) {
        RuleResult r = report.rule(id).orElseThrow(() -> new AssertionError("no rule " + id));
        assertThat(r.status()).as(id).isEqualTo(Status.FAILED);
        return r.firstFailingRows();
    }

    @Test
    void theFocusSampleReportsItsFocus10GapsAgainst12() throws Exception {
        Path sample = dataPath("focus-sample-data/focus_sample.csv");
        FocusConformanceChecker.Session session = CHECKER.begin();
        try (InputStream in = Files.newInputStream(sample)) {
            new CostFileReader().read(in, "focus_sample.csv", new CostRowSink() {
                @Override
                public void accept(FocusRow row) {
                    session.check(row);
                }

                @Override
                public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
                    throw new AssertionError(reason);
                }
            });
        }
        ConformanceReport report = session.finish();
        assertThat(report.rowsChecked()).isEqualTo(1000);
        // core MUST rules hold on every row
        for (String id : new String[] {"BilledCost-C-003-M", "BilledCost-C-002-M", "BillingCurrency-C-003-M",
                "ChargePeriodStart-C-002-M", "ChargeCategory-C-003-M"}) {
            RuleResult r = report.rule(id).orElseThrow();
            assertThat(r.status()).as(id).isEqualTo(Status.PASSED);
            assertThat(r.passed()).as(id).isEqualTo(1000);
        }
        // FOCUS 1.2 columns a 1.0 file cannot have: presence fails at dataset level
        assertThat(report.rule("CostAndUsage-D-0" + presenceRuleFor(report, "InvoiceId")).isPresent()).isTrue();
        assertThat(report.withStatus(Status.NOT_IMPLEMENTED)).isNotEmpty().allSatisfy(r -> assertThat(r.note()).isNotBlank());
        assertThat(report.rules()).hasSize(621);
    }

    private static String presenceRuleFor(ConformanceReport report, String column) {
        RuleResult r = report.rules().stream()
                .filter(x -> x.note() != null && x.note().equals("dataset-level: " + column + " has no value in any row"))
                .findFirst().orElseThrow(() -> new AssertionError("no failing presence rule for " + column));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        return r.ruleId().substring("CostAndUsage-D-0".length());
    }

    static Path dataPath(String relative) {
        return io.cloudwarden.cost.ingest.CostTestData.path(relative);
    }
}
