package io.cloudwarden.cost.allocation;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.allocation.AllocationRule.Assignment;
import io.cloudwarden.cost.allocation.AllocationRule.Condition;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Checks rule conditions and assignments, reporting every problem at once with its JSON path. */
final class RuleValidation {

    static final int MAX_RULES = 500;

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Predicate<String> regexAccepted;

    /** @param regexAccepted whether PostgreSQL accepts a regular expression */
    RuleValidation(Predicate<String> regexAccepted) {
        this.regexAccepted = regexAccepted;
    }

    void name(String path, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new FieldProblem(path + ".name", "must be 1 to 200 characters"));
        }
    }

    void conditions(String path, List<Condition> conditions) {
        if (conditions == null) {
            problems.add(new FieldProblem(path + ".conditions", "must be a list (empty matches every row)"));
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String at = path + ".conditions[" + i + "]";
            if (c == null || c.field() == null || c.op() == null) {
                problems.add(new FieldProblem(at, "needs field and op"));
                continue;
            }
            if (c.field() == AllocationRule.Field.TAG && (c.key() == null || c.key().isBlank())) {
                problems.add(new FieldProblem(at + ".key", "a TAG condition needs the tag key"));
            }
            boolean needsValues = c.op() != AllocationRule.Op.EXISTS && c.op() != AllocationRule.Op.MISSING;
            if (needsValues && (c.values() == null || c.values().isEmpty() || c.values().stream().anyMatch(v -> v == null || v.isEmpty()))) {
                problems.add(new FieldProblem(at + ".values", c.op() + " needs at least one non-empty value"));
            } else if (c.op() == AllocationRule.Op.REGEX) {
                c.values().stream().filter(v -> !regexAccepted.test(v)).forEach(v ->
                        problems.add(new FieldProblem(at + ".values", "not a valid regular expression: " + v)));
            }
        }
    }

    void assignments(String path, AllocationRule.Assignments assign) {
        if (assign == null || assign.inColumnOrder().stream().allMatch(a -> a == null)) {
            problems.add(new FieldProblem(path + ".assign", "must set at least one of team, project, environment, costCenter"));
            return;
        }
        String[] names = {"team", "project", "environment", "costCenter"};
        List<Assignment> all = assign.inColumnOrder();
        for (int d = 0; d < all.size(); d++) {
            Assignment a = all.get(d);
            if (a != null && (a.value() == null || a.value().isBlank()) == (a.fromTag() == null || a.fromTag().isBlank())) {
                problems.add(new FieldProblem(path + ".assign." + names[d], "set exactly one of value and fromTag"));
            }
        }
    }

    List<FieldProblem> problems() {
        return problems;
    }

    void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    void throwIfAny(CostErrorCode code, String message) {
        if (!problems.isEmpty()) {
            throw new CloudwardenException(code, message, problems);
        }
    }
}
