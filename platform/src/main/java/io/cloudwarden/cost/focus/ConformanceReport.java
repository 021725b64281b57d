package io.cloudwarden.cost.focus;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a set of rows against the FOCUS 1.2 conformance model.
 *
 * @param rowsChecked rows passed to {@link FocusConformanceChecker.Session#check}
 * @param rules       one result per model rule, in model order
 */
public record ConformanceReport(long rowsChecked, List<RuleResult> rules) {

    /** How a rule fared. */
    public enum Status {
        /** Checked, no row or dataset failure. */
        PASSED,
        /** At least one row (or the dataset) failed. */
        FAILED,
        /** The rule depends on provider capabilities (ApplicabilityCriteria) the session was not given. */
        NOT_APPLICABLE,
        /** The model gives no machine-checkable requirement or it uses a check this checker does not run. */
        NOT_IMPLEMENTED
    }

    /**
     * One rule's result.
     *
     * @param ruleId           the model's rule id, e.g. {@code BilledCost-C-003-M}
     * @param description      the rule text (MustSatisfy)
     * @param keyword          MUST, MUST NOT, SHOULD, ...
     * @param status           the outcome
     * @param passed           rows that satisfied the rule
     * @param failed           rows that did not
     * @param skipped          rows for which the rule's condition did not hold
     * @param firstFailingRows source row numbers of the first failures (at most 20)
     * @param note             why a rule is not implemented or not applicable; null otherwise
     */
    public record RuleResult(String ruleId, String description, String keyword, Status status, long passed,
                             long failed, long skipped, List<Long> firstFailingRows, String note) {
    }

    /** The result of one rule. */
    public Optional<RuleResult> rule(String ruleId) {
        return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
    }

    /** Rules with the given status. */
    public List<RuleResult> withStatus(Status status) {
        return rules.stream().filter(r -> r.status() == status).toList();
    }

    /** True when no MUST or MUST NOT rule failed. */
    public boolean conformant() {
        return rules.stream().noneMatch(r -> r.status() == Status.FAILED && r.keyword().startsWith("MUST"));
    }
}
