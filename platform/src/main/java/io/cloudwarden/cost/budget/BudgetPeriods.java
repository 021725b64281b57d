package io.cloudwarden.cost.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Calendar periods of budgets (UTC days), and a period's amount. */
final class BudgetPeriods {

    private BudgetPeriods() {
    }

    /** A period: first and last day, inclusive. */
    record Span(LocalDate start, LocalDate end) {
        long days() {
            return end.toEpochDay() - start.toEpochDay() + 1;
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    static Span containing(Budget.Period period, LocalDate day) {
        LocalDate start = switch (period) {
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case ANNUAL -> day.withDayOfYear(1);
        };
        LocalDate next = switch (period) {
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case ANNUAL -> start.plusYears(1);
        };
        return new Span(start, next.minusDays(1));
    }

    static BigDecimal amount(Budget b, Span span) {
        if (b.period() == Budget.Period.MONTHLY && b.monthlyAmounts() != null) {
            BigDecimal m = b.monthlyAmounts().get(String.valueOf(span.start().getMonthValue()));
            if (m != null) {
                return m;
            }
        }
        return b.amount();
    }
}
