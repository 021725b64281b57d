package io.cloudwarden.cost.imports;

import io.cloudwarden.cost.focus.ConformanceReport;
import io.cloudwarden.cost.ingest.CostReadResult;
import io.cloudwarden.cost.ledger.CostLedger;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report of a finished import, over all its files.
 *
 * @param format          the detected format and why (of the only file, or a summary when the files differ)
 * @param billingPeriods  the billing months of the accepted rows
 * @param periodsReplaced every (billing account, billing period) the import replaced, with its old row count
 * @param reconciliation  the files' native cost per currency against what was accepted and quarantined
 * @param conformance     the FOCUS 1.2 conformance of the accepted rows, rule by rule (failures and a summary)
 * @param files           the same figures per file, in import order
 */
public record ImportReport(Format format, long rowsRead, long rowsAccepted, long rowsQuarantined, List<YearMonth> billingPeriods,
                           List<CostLedger.PeriodReplaced> periodsReplaced, Reconciliation reconciliation, Conformance conformance,
                           List<FileReport> files) {

    public record Format(String id, String label, String detectedBecause) {
    }

    public record CurrencyTotals(String currency, BigDecimal source, BigDecimal accepted, BigDecimal quarantined) {
    }

    public record Reconciliation(boolean reconciled, List<CurrencyTotals> currencies, List<String> notes) {
    }

    /** One file of the import. */
    public record FileReport(String name, Format format, long rowsRead, long rowsAccepted, long rowsQuarantined,
                             Reconciliation reconciliation) {
    }

    /** Failed and passed MUST rules; {@code failures} lists each failed rule with its first failing rows. */
    public record Conformance(boolean conformant, long rowsChecked, long rulesPassed, long rulesFailed, long rulesNotApplicable,
                              List<ConformanceReport.RuleResult> failures) {
    }

    static ImportReport of(List<String> names, List<CostReadResult> results, CostLedger.LoadResult load, ConformanceReport conformance) {
        List<FileReport> files = new ArrayList<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        TreeSet<YearMonth> periods = new TreeSet<>();
        boolean reconciled = true;
        for (int i = 0; i < results.size(); i++) {
            CostReadResult r = results.get(i);
            Reconciliation rec = reconciliation(r);
            files.add(new FileReport(names.get(i), format(r), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), rec));
            for (CurrencyTotals t : rec.currencies()) {
                BigDecimal[] s = sums.computeIfAbsent(t.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(t.source());
                s[1] = s[1].add(t.accepted());
                s[2] = s[2].add(t.quarantined());
            }
            String prefix = results.size() > 1 ? names.get(i) + ": " : "";
            r.reconciliationNotes().forEach(n -> notes.add(prefix + n));
            reconciled &= r.reconciled();
            periods.addAll(r.billingPeriods());
        }
        List<CurrencyTotals> totals = sums.entrySet().stream()
                .map(e -> new CurrencyTotals(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        var failures = conformance.withStatus(ConformanceReport.Status.FAILED);
        return new ImportReport(format(files), files.stream().mapToLong(FileReport::rowsRead).sum(),
                files.stream().mapToLong(FileReport::rowsAccepted).sum(), files.stream().mapToLong(FileReport::rowsQuarantined).sum(),
                List.copyOf(periods), load.periods(), new Reconciliation(reconciled, totals, notes),
                new Conformance(failures.isEmpty(), conformance.rowsChecked(),
                        conformance.withStatus(ConformanceReport.Status.PASSED).size(), failures.size(),
                        conformance.withStatus(ConformanceReport.Status.NOT_APPLICABLE).size(), failures),
                files);
    }

    private static Format format(CostReadResult r) {
        return new Format(r.format().name(), r.format().label(), r.detectedBecause());
    }

    private static Format format(List<FileReport> files) {
        var distinct = files.stream().map(FileReport::format).map(Format::id).distinct().toList();
        if (distinct.size() == 1) {
            return files.get(0).format();
        }
        return new Format("MIXED", "several formats", files.stream().map(f -> f.name() + ": " + f.format().label())
                .collect(Collectors.joining("; ")));
    }

    private static Reconciliation reconciliation(CostReadResult r) {
        TreeSet<String> currencies = new TreeSet<>(r.sourceTotalsByCurrency().keySet());
        currencies.addAll(r.acceptedTotalsByCurrency().keySet());
        List<CurrencyTotals> totals = currencies.stream().map(c -> new CurrencyTotals(c, get(r.sourceTotalsByCurrency(), c),
                get(r.acceptedTotalsByCurrency(), c), get(r.quarantinedTotalsByCurrency(), c))).toList();
        return new Reconciliation(r.reconciled(), totals, r.reconciliationNotes());
    }

    private static BigDecimal get(Map<String, BigDecimal> m, String currency) {
        return m == null ? BigDecimal.ZERO : m.getOrDefault(currency, BigDecimal.ZERO);
    }
}
