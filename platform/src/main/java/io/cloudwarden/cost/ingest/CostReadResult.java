package io.cloudwarden.cost.ingest;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * What {@link CostFileReader#read} found in one file.
 *
 * @param format                    the detected format
 * @param detectedBecause           why, naming the header columns that decided it
 * @param rowsRead                  data rows read (accepted + quarantined)
 * @param rowsAccepted              rows passed to {@link CostRowSink#accept}
 * @param rowsQuarantined           rows passed to {@link CostRowSink#quarantine}
 * @param sourceTotalsByCurrency    the native cost column summed per currency straight from the file,
 *                                  independently of conversion (quarantined rows included when their cost
 *                                  parses)
 * @param acceptedTotalsByCurrency  BilledCost of the accepted rows, per BillingCurrency
 * @param billingPeriods            the billing months (of BillingPeriodStart) of the accepted rows
 * @param reconciliationNotes       one line per currency saying how source and accepted totals relate and
 *                                  which quarantined rows explain any difference
 * @param quarantinedTotalsByCurrency the native cost of the quarantined rows per currency
 */
public record CostReadResult(CostFormat format, String detectedBecause, long rowsRead, long rowsAccepted,
                             long rowsQuarantined, Map<String, BigDecimal> sourceTotalsByCurrency,
                             Map<String, BigDecimal> acceptedTotalsByCurrency, SortedSet<YearMonth> billingPeriods,
                             List<String> reconciliationNotes, Map<String, BigDecimal> quarantinedTotalsByCurrency) {

    /**
     * True when, for every currency, source total = accepted total + native cost of the quarantined rows,
     * so that every difference is explained by a quarantined row.
     */
    public boolean reconciled() {
        for (Map.Entry<String, BigDecimal> e : sourceTotalsByCurrency.entrySet()) {
            BigDecimal accepted = acceptedTotalsByCurrency.getOrDefault(e.getKey(), BigDecimal.ZERO);
            BigDecimal quarantined = quarantinedTotalsByCurrency.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (e.getValue().compareTo(accepted.add(quarantined)) != 0) {
                return false;
            }
        }
        for (Map.Entry<String, BigDecimal> e : acceptedTotalsByCurrency.entrySet()) {
            if (!sourceTotalsByCurrency.containsKey(e.getKey()) && e.getValue().signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when no row was quarantined and the totals agree exactly. */
    public boolean clean() {
        return rowsQuarantined == 0 && reconciled() && Objects.equals(rowsRead, rowsAccepted);
    }
}
