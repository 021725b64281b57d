package io.cloudwarden.cost.allocation;

import java.util.List;
import java.util.UUID;

/**
 * One allocation rule (virtual tag): when every condition matches a cost row (an empty list matches every row),
 * the row takes the rule's assignments. Rules form an ordered list; the first matching rule wins (ADR 29).
 *
 * @param id         assigned on save when null
 * @param conditions all must match
 * @param assign     what the rule sets; dimensions left null stay unallocated
 */
public record AllocationRule(UUID id, String name, List<Condition> conditions, Assignments assign) {

    /** What a condition looks at. {@code TAG} needs {@code key}; the others read the FOCUS column named. */
    public enum Field {
        TAG(null), BILLING_ACCOUNT("billing_account_id"), SUB_ACCOUNT("sub_account_id"), PROVIDER("provider_name"),
        SERVICE_NAME("service_name"), SERVICE_CATEGORY("service_category"), REGION("region_id"),
        RESOURCE_TYPE("resource_type"), RESOURCE_NAME("resource_name"), RESOURCE_ID("resource_id"),
        CHARGE_CATEGORY("charge_category");

        final String column;

        Field(String column) {
            this.column = column;
        }
    }

    /**
     * How a condition compares: {@code EQUALS} any of {@code values}, case-insensitive; {@code GLOB} any of the
     * patterns ({@code *}, {@code ?}), case-insensitive; {@code REGEX} any of the POSIX regular expressions,
     * case-sensitive, unanchored; {@code EXISTS}/{@code MISSING} whether the value is present.
     */
    public enum Op { EQUALS, GLOB, REGEX, EXISTS, MISSING }

    /** One condition of a rule. */
    public record Condition(Field field, String key, Op op, List<String> values) {
    }

    /** A dimension's value: a literal {@code value}, or the value of the tag {@code fromTag} (normalised key). */
    public record Assignment(String value, String fromTag) {
    }

    /** The four allocation dimensions a rule can set. */
    public record Assignments(Assignment team, Assignment project, Assignment environment, Assignment costCenter) {

        List<Assignment> inColumnOrder() {
            return java.util.Arrays.asList(team, project, environment, costCenter);
        }
    }

    /** The allocation columns in the order of {@link Assignments#inColumnOrder()}. */
    static final List<String> ALLOC_COLUMNS = List.of("alloc_team", "alloc_project", "alloc_environment", "alloc_cost_center");
}
