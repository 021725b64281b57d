package io.cloudwarden.cost.chargeback;

import java.math.BigDecimal;
import java.util.List;

/**
 * The chargeback as CSV (RFC 4180, UTF-8, header row), one line per dimension value and currency; columns are
 * described in docs/cost/allocation.md. Text cells starting with {@code = + - @} are prefixed with {@code '} so
 * spreadsheets do not run them as formulas.
 */
public final class ChargebackCsv {

    /** The header row. */
    public static final List<String> COLUMNS = List.of("month", "dimension", "value", "currency", "direct_effective_cost",
            "shared_effective_cost", "total_effective_cost", "direct_billed_cost", "shared_billed_cost", "total_billed_cost",
            "percent_of_total", "allocation_rule_ids", "shared_cost_rule_ids");

    private ChargebackCsv() {
    }

    public static String render(ChargebackReport report) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (ChargebackReport.Line l : report.lines()) {
            out.append(String.join(",", report.month().toString(), report.dimension(), text(l.value()), l.currency(),
                    num(l.directEffectiveCost()), num(l.sharedEffectiveCost()), num(l.totalEffectiveCost()), num(l.directBilledCost()),
                    num(l.sharedBilledCost()), num(l.totalBilledCost()), num(l.percentOfTotal()),
                    text(String.join(" ", l.allocationRuleIds())), text(String.join(" ", l.sharedCostRuleIds())))).append("\r\n");
        }
        return out.toString();
    }

    private static String num(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }

    private static String text(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.matches(".*[\",\r\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
