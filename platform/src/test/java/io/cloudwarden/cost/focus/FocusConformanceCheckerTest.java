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

    private static ConformanceReport check(FocusRow... rows) {
        FocusConformanceChecker.Session session = CHECKER.begin();
        for (FocusRow r : rows) {
            session.check(r);
        }
        return session.finish();
    }

    private static RuleResult rule(ConformanceReport report, String id) {
        return report.rule(id).orElseThrow(() -> new AssertionError("no rule " + id));
    }

    private static FocusRow usage(long n) {
        return validRow(n).set(FocusColumn.PRICING_QUANTITY, "2").set(FocusColumn.PRICING_UNIT, "Hours")
                .set(FocusColumn.CONSUMED_QUANTITY, "2").set(FocusColumn.CONSUMED_UNIT, "Hours");
    }

    @Test
    void commitmentDiscountStatusIsCheckedAsTheSpecWritesIt() {
        // the model encodes C-003 as "MUST NOT be null", C-004 with the condition "id is null" and C-005 with
        // the values Active/Expired/Pending; model-1.2-errata.json corrects them to the spec's text
        ConformanceReport report = check(usage(1),
                usage(2).set(FocusColumn.COMMITMENT_DISCOUNT_ID, "ri-1").set(FocusColumn.COMMITMENT_DISCOUNT_STATUS, "Used"),
                usage(3).set(FocusColumn.COMMITMENT_DISCOUNT_ID, "ri-1"),
                usage(4).set(FocusColumn.COMMITMENT_DISCOUNT_STATUS, "Active"));
        assertThat(failingRows(report, "CommitmentDiscountStatus-C-003-C")).containsExactly(4L);
        assertThat(failingRows(report, "CommitmentDiscountStatus-C-004-C")).containsExactly(3L);
        assertThat(failingRows(report, "CommitmentDiscountStatus-C-005-M")).containsExactly(4L);
        assertThat(rule(report, "CommitmentDiscountStatus-C-005-M").passed()).isEqualTo(3); // a null is not checked against the list
        assertThat(rule(report, "CommitmentDiscountStatus-C-003-C").note()).contains("errata");
    }

    @Test
    void aNullIsNotTheValueSoNotCorrectionConditionsApplyToOrdinaryRows() {
        // "PricingQuantity MUST NOT be null when ChargeCategory is Usage and ChargeClass is not Correction":
        // a null ChargeClass is not "Correction"
        ConformanceReport report = check(usage(1), usage(2).set(FocusColumn.PRICING_QUANTITY, null).set(FocusColumn.PRICING_UNIT, null),
                usage(3).set(FocusColumn.CHARGE_CLASS, "Correction").set(FocusColumn.PRICING_QUANTITY, null)
                        .set(FocusColumn.PRICING_UNIT, null));
        assertThat(failingRows(report, "PricingQuantity-C-005-C")).containsExactly(2L);
        // ...while a null still does not fail an allowed-values rule (nullability rules cover it)
        assertThat(rule(report, "CommitmentDiscountStatus-C-005-M").failed()).isZero();
    }

    @Test
    void nestedRulesInheritTheConditionOfTheRuleTheyAreNestedIn() {
        // ConsumedQuantity-C-006-C ("MUST NOT be null when ChargeClass is not Correction") is nested under
        // C-005-C ("When ChargeCategory is Usage and CommitmentDiscountStatus is not Unused")
        ConformanceReport report = check(usage(1),
                validRow(2).set(FocusColumn.CHARGE_CATEGORY, "Purchase").set(FocusColumn.PRICING_QUANTITY, "1")
                        .set(FocusColumn.PRICING_UNIT, "Months"),
                usage(3).set(FocusColumn.CONSUMED_QUANTITY, null).set(FocusColumn.CONSUMED_UNIT, null),
                usage(4).set(FocusColumn.CHARGE_CLASS, "Correction").set(FocusColumn.CONSUMED_QUANTITY, null)
                        .set(FocusColumn.CONSUMED_UNIT, null),
                usage(5).set(FocusColumn.COMMITMENT_DISCOUNT_ID, "ri-1").set(FocusColumn.COMMITMENT_DISCOUNT_STATUS, "Unused")
                        .set(FocusColumn.CONSUMED_QUANTITY, null).set(FocusColumn.CONSUMED_UNIT, null));
        assertThat(failingRows(report, "ConsumedQuantity-C-006-C")).containsExactly(3L);
        assertThat(rule(report, "ConsumedQuantity-C-006-C").passed()).isEqualTo(1);
        // "PricingQuantity MUST be a valid decimal value" (nested under "When PricingQuantity is not null"):
        // a null PricingQuantity passes, a non-decimal fails
        ConformanceReport pq = check(validRow(1).set(FocusColumn.CHARGE_CATEGORY, "Tax"),
                usage(2).set(FocusColumn.PRICING_QUANTITY, "two"));
        assertThat(failingRows(pq, "PricingQuantity-C-008-M")).containsExactly(2L);
    }

    @Test
    void rulesWhoseConditionIsNotInTheDataAreNotImplementedNeverFailed() {
        ConformanceReport report = check(usage(1), usage(2).set(FocusColumn.INVOICE_ID, "INV-1"),
                usage(3).set(FocusColumn.INVOICE_ISSUER_NAME, "Amazon Web Services, Inc."));
        for (String id : new String[] {"InvoiceId-C-004-C", "InvoiceId-C-005-C", "BilledCost-C-005-C"}) {
            RuleResult r = rule(report, id);
            assertThat(r.status()).as(id).isEqualTo(Status.NOT_IMPLEMENTED);
            assertThat(r.note()).as(id).startsWith("not machine-checkable: ");
        }
        // their composite parents still check the other parts
        assertThat(rule(report, "BilledCost-C-000-M").status()).isEqualTo(Status.PASSED);
        assertThat(rule(report, "InvoiceId-C-003-C").status()).isEqualTo(Status.PASSED);
        assertThat(check(usage(1).set(FocusColumn.BILLED_COST, "x")).rule("BilledCost-C-000-M").orElseThrow().status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void onlyCommitmentPurchasesMustHaveZeroEffectiveCost() {
        FocusRow saas = validRow(1).set(FocusColumn.CHARGE_CATEGORY, "Purchase").set(FocusColumn.PRICING_QUANTITY, "1")
                .set(FocusColumn.PRICING_UNIT, "Months");
        FocusRow commitment = validRow(2).set(FocusColumn.CHARGE_CATEGORY, "Purchase").set(FocusColumn.PRICING_QUANTITY, "1")
                .set(FocusColumn.PRICING_UNIT, "Months").set(FocusColumn.COMMITMENT_DISCOUNT_ID, "sp-1");
        assertThat(failingRows(check(saas, commitment), "EffectiveCost-C-005-C")).containsExactly(2L);
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
