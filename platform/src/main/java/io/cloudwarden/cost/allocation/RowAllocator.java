package io.cloudwarden.cost.allocation;

import io.cloudwarden.cost.allocation.AllocationRule.Assignment;
import io.cloudwarden.cost.allocation.AllocationRule.Condition;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Allocation rules evaluated in Java on rows as a load streams them (ADR 35), with the same semantics as the SQL
 * that re-allocates stored rows ({@link AllocationSql}; {@code RowAllocatorParityTest} holds them equal): the first
 * rule whose conditions all match sets the dimensions; a tag is read through its normalised key, the raw key variant
 * that sorts first winning; {@code EQUALS} compares lower-cased, {@code GLOB} case-insensitively and anchored,
 * {@code REGEX} case-sensitively and unanchored; an absent value matches only {@code MISSING}.
 *
 * <p>Not thread-safe (it caches parsed tags); one per load.
 */
public final class RowAllocator {

    /** What a row was allocated: the rule and the four dimensions (null when the rule leaves one unset). */
    public record Allocation(UUID ruleId, String team, String project, String environment, String costCenter) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TAG_CACHE_LIMIT = 50_000;

    private final List<Compiled> rules;
    private final TagKeys keys;
    private final Set<String> tagKeysUsed;
    private final Map<String, Map<String, String>> tagCache = new HashMap<>();

    private RowAllocator(List<AllocationRule> rules, TagKeys keys) {
        this.keys = keys;
        this.tagKeysUsed = AllocationSql.tagKeysUsed(rules, keys);
        this.rules = rules.stream().map(this::compile).toList();
    }

    /** An allocator for the rules in evaluation order. */
    public static RowAllocator of(List<AllocationRule> rules, TagKeys keys) {
        return new RowAllocator(rules, keys);
    }

    /** Whether any rule exists (without rules every row is unallocated). */
    public boolean hasRules() {
        return !rules.isEmpty();
    }

    /** The allocation of {@code row}, or null when no rule matches. */
    public Allocation allocate(FocusRow row) {
        if (rules.isEmpty()) {
            return null;
        }
        Row r = new Row(row);
        for (Compiled rule : rules) {
            if (rule.matches.test(r)) {
                return new Allocation(rule.id, rule.values[0].apply(r), rule.values[1].apply(r), rule.values[2].apply(r),
                        rule.values[3].apply(r));
            }
        }
        return null;
    }

    /** A row with its tags parsed on first use, keyed by normalised key. */
    private final class Row {
        final FocusRow row;
        Map<String, String> tags;

        Row(FocusRow row) {
            this.row = row;
        }

        String tag(String canonical) {
            if (tags == null) {
                tags = canonicalTags(row.get(FocusColumn.TAGS));
            }
            return tags.get(canonical);
        }
    }

    private Map<String, String> canonicalTags(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> cached = tagCache.get(json);
        if (cached != null) {
            return cached;
        }
        Map<String, String> out = new HashMap<>();
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            node = null; // the conformance report names invalid Tags; as in SQL, such a row has no tags
        }
        if (node != null && node.isObject()) {
            // raw keys in sorted order, so the first present variant of a normalised key wins, as in AllocationSql
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach((raw, value) -> {
                String canonical = keys.canonical(raw);
                if (tagKeysUsed.contains(canonical) && !out.containsKey(canonical) && value != null && !value.isNull()) {
                    out.put(canonical, value.isString() ? value.stringValue() : value.toString());
                }
            });
        }
        if (tagCache.size() >= TAG_CACHE_LIMIT) {
            tagCache.clear();
        }
        tagCache.put(json, out);
        return out;
    }

    private record Compiled(UUID id, Predicate<Row> matches, java.util.function.Function<Row, String>[] values) {
    }

    @SuppressWarnings("unchecked")
    private Compiled compile(AllocationRule rule) {
        Predicate<Row> all = r -> true;
        for (Condition c : rule.conditions()) {
            all = all.and(condition(c));
        }
        List<Assignment> assign = rule.assign().inColumnOrder();
        java.util.function.Function<Row, String>[] values = new java.util.function.Function[assign.size()];
        for (int i = 0; i < assign.size(); i++) {
            Assignment a = assign.get(i);
            if (a == null) {
                values[i] = r -> null;
            } else if (a.value() != null) {
                String v = a.value();
                values[i] = r -> v;
            } else {
                String canonical = keys.canonical(a.fromTag());
                values[i] = r -> r.tag(canonical);
            }
        }
        return new Compiled(rule.id(), all, values);
    }

    private Predicate<Row> condition(Condition c) {
        java.util.function.Function<Row, String> subject;
        if (c.field() == AllocationRule.Field.TAG) {
            String canonical = keys.canonical(c.key());
            subject = r -> r.tag(canonical);
        } else {
            FocusColumn column = column(c.field());
            subject = r -> r.row.get(column);
        }
        List<String> values = c.values() == null ? List.of() : c.values();
        return switch (c.op()) {
            case EXISTS -> r -> subject.apply(r) != null;
            case MISSING -> r -> subject.apply(r) == null;
            case EQUALS -> {
                Set<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
                yield r -> {
                    String s = subject.apply(r);
                    return s != null && lower.contains(s.toLowerCase(Locale.ROOT));
                };
            }
            case GLOB -> anyFinds(subject, values.stream()
                    .map(v -> Pattern.compile(AllocationSql.globToRegex(v), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList());
            case REGEX -> anyFinds(subject, values.stream().map(Pattern::compile).toList());
        };
    }

    private static Predicate<Row> anyFinds(java.util.function.Function<Row, String> subject, List<Pattern> patterns) {
        List<Pattern> list = new ArrayList<>(patterns);
        return r -> {
            String s = subject.apply(r);
            if (s == null) {
                return false;
            }
            for (Pattern p : list) {
                if (p.matcher(s).find()) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The FOCUS column a field reads (the field's ledger column is that column's snake case). */
    static FocusColumn column(AllocationRule.Field field) {
        for (FocusColumn c : FocusColumn.values()) {
            if (c.snakeCase().equals(field.column)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no FOCUS column for " + field);
    }
}
