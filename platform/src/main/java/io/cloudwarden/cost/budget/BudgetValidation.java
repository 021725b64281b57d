package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a budget command, reporting every problem at once ({@code BUDGET_INVALID}). */
final class BudgetValidation {

    private BudgetValidation() {
    }

    static void check(Budget b) {
        List<FieldProblem> p = new ArrayList<>();
        if (b.name() == null || b.name().isBlank() || b.name().length() > 200) {
            p.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        scope(b.scope(), p);
        if (b.period() == null) {
            p.add(new FieldProblem("period", "must be MONTHLY, QUARTERLY or ANNUAL"));
        }
        if (b.amount() == null || b.amount().signum() <= 0) {
            p.add(new FieldProblem("amount", "must be greater than 0"));
        }
        if (b.currency() == null || !b.currency().matches("[A-Z]{3}")) {
            p.add(new FieldProblem("currency", "must be an ISO 4217 code such as USD"));
        }
        if (b.monthlyAmounts() != null && !b.monthlyAmounts().isEmpty()) {
            if (b.period() != Budget.Period.MONTHLY) {
                p.add(new FieldProblem("monthlyAmounts", "only MONTHLY budgets have per-month amounts"));
            }
            b.monthlyAmounts().forEach((k, v) -> {
                if (!k.matches("[1-9]|1[0-2]") || v == null || v.signum() <= 0) {
                    p.add(new FieldProblem("monthlyAmounts." + k, "keys are months 1 to 12, values greater than 0"));
                }
            });
        }
        if (b.thresholds() != null) {
            percentages("thresholds.actual", b.thresholds().actual(), p);
            percentages("thresholds.projected", b.thresholds().projected(), p);
        }
        if (!p.isEmpty()) {
            throw new CloudwardenException(CostErrorCode.BUDGET_INVALID, "The budget is not valid", p);
        }
    }

    private static void scope(Budget.Scope s, List<FieldProblem> p) {
        if (s == null || s.type() == null) {
            p.add(new FieldProblem("scope.type", "must be one of TENANT, BILLING_ACCOUNT, TEAM, TAG, SERVICE, SAVED_FILTER"));
            return;
        }
        switch (s.type()) {
            case TENANT -> {
            }
            case TAG -> {
                if (s.value() == null || s.value().indexOf('=') < 1) {
                    p.add(new FieldProblem("scope.value", "a TAG scope is key=value"));
                }
            }
            case SAVED_FILTER -> {
                if (s.savedFilterId() == null) {
                    p.add(new FieldProblem("scope.savedFilterId", "a SAVED_FILTER scope names a saved filter of the explorer"));
                }
            }
            default -> {
                if (s.value() == null || s.value().isBlank()) {
                    p.add(new FieldProblem("scope.value", s.type() + " needs a value"));
                }
            }
        }
    }

    private static void percentages(String field, List<BigDecimal> pcts, List<FieldProblem> p) {
        if (pcts == null) {
            return;
        }
        Set<BigDecimal> seen = new HashSet<>();
        for (BigDecimal pct : pcts) {
            if (pct == null || pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(1000)) > 0 || !seen.add(pct.stripTrailingZeros())) {
                p.add(new FieldProblem(field, "percentages must be distinct, above 0 and at most 1000"));
                return;
            }
        }
    }
}
