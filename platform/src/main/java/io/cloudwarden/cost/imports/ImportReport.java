package io.cloudwarden.cost.imports;

import io.cloudwarden.cost.focus.ConformanceReport;
import io.cloudwarden.cost.ingest.CostReadResult;
import io.cloudwarden.cost.ledger.CostLedger;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report of a finished import.
 *
 * @param format          the detected format and why it was detected
 * @param billingPeriods  the billing months of the accepted rows
 * @param periodsReplaced every (billing account, billing period) the import replaced, with its old row count
 * @param reconciliation  the file's native cost per currency against what was accepted and quarantined
 * @param conformance     the FOCUS 1.2 conformance of the accepted rows, rule by rule (failures and a summary)
 */
public record ImportReport(Format format, long rowsRead, long rowsAccepted, long rowsQuarantined, List<YearMonth> billingPeriods,
                           List<CostLedger.PeriodReplaced> periodsReplaced, Reconciliation reconciliation, Conformance conformance) {

    public record Format(String id, String label, String detectedBecause) {
    }

    public record CurrencyTotals(String currency, BigDecimal source, BigDecimal accepted, BigDecimal quarantined) {
    }

    public record Reconciliation(boolean reconciled, List<CurrencyTotals> currencies, List<String> notes) {
    }

    /** Failed and passed MUST rules; {@code failures} lists each failed rule with its first failing rows. */
    public record Conformance(boolean conformant, long rowsChecked, long rulesPassed, long rulesFailed, long rulesNotApplicable,
                              List<ConformanceReport.RuleResult> failures) {
    }

    static ImportReport of(CostReadResult read, CostLedger.LoadResult load, ConformanceReport conformance) {
        TreeSet<String> currencies = new TreeSet<>(read.sourceTotalsByCurrency().keySet());
        currencies.addAll(read.acceptedTotalsByCurrency().keySet());
        List<CurrencyTotals> totals = currencies.stream().map(c -> new CurrencyTotals(c, get(read.sourceTotalsByCurrency(), c),
                get(read.acceptedTotalsByCurrency(), c), get(read.quarantinedTotalsByCurrency(), c))).toList();
        var failures = conformance.withStatus(ConformanceReport.Status.FAILED);
        return new ImportReport(new Format(read.format().name(), read.format().label(), read.detectedBecause()), read.rowsRead(),
                read.rowsAccepted(), read.rowsQuarantined(), List.copyOf(read.billingPeriods()), load.periods(),
                new Reconciliation(read.reconciled(), totals, read.reconciliationNotes()),
                new Conformance(failures.isEmpty(), conformance.rowsChecked(),
                        conformance.withStatus(ConformanceReport.Status.PASSED).size(), failures.size(),
                        conformance.withStatus(ConformanceReport.Status.NOT_APPLICABLE).size(), failures));
    }

    private static BigDecimal get(Map<String, BigDecimal> m, String currency) {
        return m == null ? BigDecimal.ZERO : m.getOrDefault(currency, BigDecimal.ZERO);
    }
}
