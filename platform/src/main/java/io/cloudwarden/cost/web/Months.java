package io.cloudwarden.cost.web;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Parses the month and day query parameters of the cost API. */
final class Months {

    private Months() {
    }

    /** {@code YYYY-MM}, or last month (UTC) when absent. */
    static YearMonth month(String text, String field, CostErrorCode code) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new CloudwardenException(code, field + " must be YYYY-MM", List.of(new FieldProblem(field, "must be YYYY-MM, was " + text)));
        }
    }

    static LocalDate day(String text, String field, LocalDate fallback, CostErrorCode code) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CloudwardenException(code, field + " must be YYYY-MM-DD", List.of(new FieldProblem(field, "must be YYYY-MM-DD, was " + text)));
        }
    }
}
