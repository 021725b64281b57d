package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sums the native cost column per currency straight from the source fields (independently of conversion),
 * the BilledCost of accepted rows, and the native cost of quarantined rows, and explains the difference.
 */
final class Reconciliation {

    static final String NO_CURRENCY = "(none)";
    private static final int MAX_ROWS_LISTED = 20;

    private final MappingData.ReconciliationColumns columns;
    private final Map<String, BigDecimal> source = new TreeMap<>();
    private final Map<String, BigDecimal> accepted = new TreeMap<>();
    private final Map<String, BigDecimal> quarantined = new TreeMap<>();
    private final Map<String, List<Long>> quarantinedRows = new TreeMap<>();
    private final SortedSet<YearMonth> periods = new TreeSet<>();
    private final List<Long> unparseable = new ArrayList<>();
    private long accepts;
    private long quarantines;
    private long current;

    Reconciliation(MappingData.ReconciliationColumns columns) {
        this.columns = columns;
    }

    void accepted(String[] fields, FocusRow row) {
        accepts++;
        current = row.sourceRow();
        addNative(fields, null);
        accepted.merge(row.get(FocusColumn.BILLING_CURRENCY), new BigDecimal(row.get(FocusColumn.BILLED_COST)), BigDecimal::add);
        String bps = row.get(FocusColumn.BILLING_PERIOD_START);
        periods.add(YearMonth.of(Integer.parseInt(bps, 0, 4, 10), Integer.parseInt(bps, 5, 7, 10)));
    }

    void quarantined(String[] fields, long rowNumber) {
        quarantines++;
        current = rowNumber;
        addNative(fields, rowNumber);
    }

    private void addNative(String[] fields, Long quarantinedRow) {
        String cost = null;
        for (int c : columns.costColumns()) {
            if (!Values.isNull(fields[c])) {
                cost = fields[c];
                break;
            }
        }
        String currency = columns.currencyColumn() >= 0 && !Values.isNull(fields[columns.currencyColumn()])
                ? fields[columns.currencyColumn()].strip() : NO_CURRENCY;
        BigDecimal amount = BigDecimal.ZERO;
        if (cost != null) {
            try {
                amount = new BigDecimal(cost.strip());
            } catch (NumberFormatException e) {
                unparseable.add(current);
                amount = BigDecimal.ZERO;
            }
        }
        source.merge(currency, amount, BigDecimal::add);
        if (quarantinedRow != null) {
            quarantined.merge(currency, amount, BigDecimal::add);
            quarantinedRows.computeIfAbsent(currency, k -> new ArrayList<>()).add(quarantinedRow);
        }
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("native cost: " + columns.description());
        for (Map.Entry<String, BigDecimal> e : source.entrySet()) {
            String cur = e.getKey();
            BigDecimal acc = accepted.getOrDefault(cur, BigDecimal.ZERO);
            BigDecimal q = quarantined.getOrDefault(cur, BigDecimal.ZERO);
            BigDecimal diff = e.getValue().subtract(acc);
            StringBuilder b = new StringBuilder(cur).append(": source ").append(e.getValue().toPlainString())
                    .append(", accepted BilledCost ").append(acc.toPlainString());
            List<Long> qRows = quarantinedRows.getOrDefault(cur, List.of());
            if (diff.signum() == 0 && q.signum() == 0) {
                b.append(", equal");
                if (!qRows.isEmpty()) {
                    b.append("; quarantined rows with zero native cost: ").append(list(qRows));
                }
            } else if (diff.compareTo(q) == 0) {
                b.append(", difference ").append(diff.toPlainString()).append(" is the native cost of quarantined rows ")
                        .append(list(quarantinedRows.getOrDefault(cur, List.of())));
            } else {
                b.append(", difference ").append(diff.toPlainString())
                        .append(" NOT explained: quarantined rows carry ").append(q.toPlainString());
            }
            notes.add(b.toString());
        }
        if (!unparseable.isEmpty()) {
            notes.add("rows whose native cost is not a number (counted as 0): " + list(unparseable));
        }
        return notes;
    }

    private static String list(List<Long> rows) {
        if (rows.isEmpty()) {
            return "(none)";
        }
        String shown = rows.stream().limit(MAX_ROWS_LISTED).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return rows.size() > MAX_ROWS_LISTED ? shown + " and " + (rows.size() - MAX_ROWS_LISTED) + " more" : shown;
    }

    CostReadResult result(CostFormat format, String because, long rowsRead, List<String> notes) {
        return new CostReadResult(format, because, rowsRead, accepts, quarantines,
                Collections.unmodifiableMap(new TreeMap<>(source)), Collections.unmodifiableMap(new TreeMap<>(accepted)),
                Collections.unmodifiableSortedSet(new TreeSet<>(periods)), List.copyOf(notes),
                Collections.unmodifiableMap(new TreeMap<>(quarantined)));
    }
}
