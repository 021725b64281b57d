package io.cloudwarden.cost.allocation;

import io.cloudwarden.cost.allocation.AllocationRule.Assignment;
import io.cloudwarden.cost.allocation.AllocationRule.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an ordered rule list into set-based SQL over a table with the {@code cost_rows} columns. Every user value
 * is a bind parameter. Tag lookups use the raw key variants actually present in the data (found with one pass
 * over the keys), so matching normalised keys costs a {@code coalesce} of {@code ->>} lookups per row instead
 * of re-normalising every row's tags.
 *
 * <p>{@link #ruleIndex()} is the 1-based position of the first matching rule (null: none);
 * {@link #allocation()} are the five allocation column expressions in terms of that index, named {@code i}.
 */
final class AllocationSql {

    private final List<AllocationRule> rules;
    private final TagKeys keys;
    private final Map<String, List<String>> variants;
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** @param variants canonical tag key → raw keys present in the data, in precedence order */
    AllocationSql(List<AllocationRule> rules, TagKeys keys, Map<String, List<String>> variants) {
        this.rules = rules;
        this.keys = keys;
        this.variants = variants;
    }

    /** The canonical tag keys the rules read (in conditions or in from-tag assignments). */
    static Set<String> tagKeysUsed(List<AllocationRule> rules, TagKeys keys) {
        Set<String> used = new LinkedHashSet<>();
        for (AllocationRule r : rules) {
            for (Condition c : r.conditions()) {
                if (c.field() == AllocationRule.Field.TAG) {
                    used.add(keys.canonical(c.key()));
                }
            }
            for (Assignment a : r.assign().inColumnOrder()) {
                if (a != null && a.fromTag() != null) {
                    used.add(keys.canonical(a.fromTag()));
                }
            }
        }
        return used;
    }

    Map<String, Object> params() {
        return params;
    }

    /** {@code case when <rule 1 matches> then 1 when ... end}. */
    String ruleIndex() {
        if (rules.isEmpty()) {
            return "null::int";
        }
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < rules.size(); i++) {
            sql.append(" when ").append(matches(rules.get(i))).append(" then ").append(i + 1);
        }
        return sql.append(" end").toString();
    }

    /** Expressions for alloc_rule_id, alloc_team, alloc_project, alloc_environment, alloc_cost_center. */
    List<String> allocation() {
        List<String> out = new ArrayList<>();
        StringBuilder id = new StringBuilder("case i");
        for (int i = 0; i < rules.size(); i++) {
            id.append(" when ").append(i + 1).append(" then cast(").append(param(rules.get(i).id().toString())).append(" as uuid)");
        }
        out.add(rules.isEmpty() ? "null::uuid" : id.append(" end").toString());
        for (int d = 0; d < AllocationRule.ALLOC_COLUMNS.size(); d++) {
            StringBuilder dim = new StringBuilder("case i");
            boolean any = false;
            for (int i = 0; i < rules.size(); i++) {
                Assignment a = rules.get(i).assign().inColumnOrder().get(d);
                if (a != null) {
                    any = true;
                    dim.append(" when ").append(i + 1).append(" then ").append(value(a));
                }
            }
            out.add(any ? dim.append(" end").toString() : "null::text");
        }
        return out;
    }

    /** An UPDATE that re-allocates every row of {@code table} satisfying {@code where} (which may use params). */
    String update(String table, String where) {
        String index = ruleIndex();
        return "update " + table + " set (alloc_rule_id, " + String.join(", ", AllocationRule.ALLOC_COLUMNS) + ") = (select "
                + String.join(", ", allocation()) + " from (select " + index + " as i) y) where " + where;
    }

    private String value(Assignment a) {
        return a.value() != null ? "cast(" + param(a.value()) + " as text)" : tag(keys.canonical(a.fromTag()));
    }

    private String matches(AllocationRule rule) {
        if (rule.conditions().isEmpty()) {
            return "true";
        }
        return rule.conditions().stream().map(this::condition).collect(Collectors.joining(" and ", "(", ")"));
    }

    private String condition(Condition c) {
        String subject = c.field() == AllocationRule.Field.TAG ? tag(keys.canonical(c.key())) : c.field().column;
        List<String> values = c.values() == null ? List.of() : c.values();
        return switch (c.op()) {
            case EXISTS -> subject + " is not null";
            case MISSING -> subject + " is null";
            case EQUALS -> "lower(" + subject + ") in ("
                    + values.stream().map(v -> param(v.toLowerCase(Locale.ROOT))).collect(Collectors.joining(", ")) + ")";
            case GLOB -> values.stream().map(v -> subject + " ~* " + param(globToRegex(v))).collect(Collectors.joining(" or ", "(", ")"));
            case REGEX -> values.stream().map(v -> subject + " ~ " + param(v)).collect(Collectors.joining(" or ", "(", ")"));
        };
    }

    private String tag(String canonical) {
        List<String> raw = variants.getOrDefault(canonical, List.of());
        if (raw.isEmpty()) {
            return "null::text";
        }
        String lookups = raw.stream().map(k -> "tags ->> cast(" + param(k) + " as text)").collect(Collectors.joining(", "));
        return raw.size() == 1 ? "(" + lookups + ")" : "coalesce(" + lookups + ")";
    }

    private String param(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    /** A glob ({@code *} any run, {@code ?} one character) as an anchored regular expression. */
    static String globToRegex(String glob) {
        StringBuilder out = new StringBuilder("^");
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> out.append(".*");
                case '?' -> out.append('.');
                default -> out.append(Character.isLetterOrDigit(ch) || ch == ' ' ? String.valueOf(ch) : "\\" + ch);
            }
        }
        return out.append('$').toString();
    }
}
