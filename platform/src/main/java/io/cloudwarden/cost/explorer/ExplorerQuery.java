package io.cloudwarden.cost.explorer;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A validated cost explorer question: which metric, grouped by what (at most two levels), filtered how, over
 * which days ({@code from} inclusive, {@code to} exclusive) at which granularity, and how many groups to keep
 * before the rest becomes "other".
 */
public record ExplorerQuery(Metric metric, List<Dimension> groupBy, List<Filter> filters, Granularity granularity,
                            LocalDate from, LocalDate to, int top, boolean comparePrevious, String currency) {

    /** The longest range one query may cover. */
    public static final int MAX_DAYS = 3 * 366;
    public static final int MAX_TOP = 1000;

    /** The cost a query sums. {@code actual} views default to BilledCost, {@code amortized} ones to EffectiveCost. */
    public enum Metric {
        BILLED_COST("BilledCost", "billed_cost"), EFFECTIVE_COST("EffectiveCost", "effective_cost"),
        LIST_COST("ListCost", "list_cost"), CONTRACTED_COST("ContractedCost", "contracted_cost");

        private final String id;
        private final String column;

        Metric(String id, String column) {
            this.id = id;
            this.column = column;
        }

        public String id() {
            return id;
        }

        String column() {
            return column;
        }
    }

    public enum Granularity {
        DAY, WEEK, MONTH;

        String sqlUnit() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A grouping or filter dimension: a built-in one, or a tag key ({@code tag:<key>}). */
    public record Dimension(CostDimension builtIn, String tagKey) {

        static Dimension parse(String text, String field, List<FieldProblem> problems) {
            if (text.startsWith("tag:") && text.length() > 4) {
                return new Dimension(null, text.substring(4));
            }
            var d = CostDimension.byKey(text);
            if (d.isEmpty()) {
                problems.add(new FieldProblem(field, "'" + text + "' is not a dimension; use tag:<key> or one of "
                        + Arrays.stream(CostDimension.values()).map(CostDimension::key).collect(Collectors.joining(", "))));
                return null;
            }
            return new Dimension(d.get(), null);
        }

        public String key() {
            return builtIn != null ? builtIn.key() : "tag:" + tagKey;
        }

        boolean allocation() {
            return builtIn != null && builtIn.allocation();
        }
    }

    /**
     * Values of one dimension the rows must have ({@code dim=value}) or must not have ({@code dim!=value}); an
     * empty value stands for "none": untagged, unallocated, or a null column.
     */
    public record Filter(Dimension dimension, boolean negated, List<String> values) {
    }

    /** Parses and validates request parameters; every problem is reported at once. */
    public static ExplorerQuery parse(String metric, String view, List<String> groupBy, List<String> filter, String granularity,
                                      String from, String to, Integer top, String compare, String currency, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        Metric m = metric(metric, view, problems);
        List<Dimension> groups = new ArrayList<>();
        for (String g : groupBy == null ? List.<String>of() : groupBy) {
            for (String part : g.split(",")) {
                if (!part.isBlank()) {
                    Dimension d = Dimension.parse(part.trim(), "groupBy", problems);
                    if (d != null) {
                        groups.add(d);
                    }
                }
            }
        }
        if (groups.size() > 2) {
            problems.add(new FieldProblem("groupBy", "at most two levels of grouping are supported"));
        }
        List<Filter> filters = filters(filter, problems);
        Granularity gran = enumValue(Granularity.class, granularity, Granularity.DAY, "granularity", problems);
        LocalDate end = date(to, "to", problems, today.plusDays(1));
        LocalDate start = date(from, "from", problems, (end == null ? today : end).minusDays(30));
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                problems.add(new FieldProblem("from", "must be before 'to' (to is exclusive)"));
            } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
                problems.add(new FieldProblem("to", "a query may cover at most " + MAX_DAYS + " days"));
            }
        }
        int n = top == null ? 10 : top;
        if (n < 1 || n > MAX_TOP) {
            problems.add(new FieldProblem("top", "must be between 1 and " + MAX_TOP));
        }
        if (compare != null && !compare.isBlank() && !compare.equals("previous")) {
            problems.add(new FieldProblem("compare", "the only comparison is 'previous' (the period of the same length before)"));
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as USD"));
        }
        if (!problems.isEmpty()) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "the cost query is not valid: "
                    + problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), problems);
        }
        return new ExplorerQuery(m, List.copyOf(groups), filters, gran, start, end, n, "previous".equals(compare), currency);
    }

    private static Metric metric(String metric, String view, List<FieldProblem> problems) {
        if (view != null && !view.equals("actual") && !view.equals("amortized")) {
            problems.add(new FieldProblem("view", "must be 'actual' (BilledCost) or 'amortized' (EffectiveCost)"));
        }
        if (metric == null || metric.isBlank()) {
            return "actual".equals(view) ? Metric.BILLED_COST : Metric.EFFECTIVE_COST;
        }
        for (Metric m : Metric.values()) {
            if (m.id.equalsIgnoreCase(metric)) {
                return m;
            }
        }
        problems.add(new FieldProblem("metric", "must be BilledCost, EffectiveCost, ListCost or ContractedCost"));
        return null;
    }

    /**
     * Parses filters in the explorer's {@code filter} syntax ({@code INVALID_FILTER} when one is not valid). Values of
     * one dimension in the list are alternatives, as in a request.
     */
    public static List<Filter> parseFilters(List<String> raw) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Filter> filters = filters(raw, problems);
        if (!problems.isEmpty()) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "the filter is not valid: "
                    + problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")), problems);
        }
        return filters;
    }

    /**
     * This query with {@code more} filters that apply in addition to its own (ANDed, also on a dimension the query
     * filters already: {@code service=A} and {@code service=B} then match nothing).
     */
    public ExplorerQuery and(List<Filter> more) {
        List<Filter> all = new ArrayList<>(filters);
        all.addAll(more);
        return new ExplorerQuery(metric, groupBy, List.copyOf(all), granularity, from, to, top, comparePrevious, currency);
    }

    /** The daily total of {@code metric} over {@code from} (inclusive) to {@code to} (exclusive) of the rows matching {@code filters}. */
    public static ExplorerQuery dailyTotal(Metric metric, List<Filter> filters, LocalDate from, LocalDate to, String currency) {
        return new ExplorerQuery(metric, List.of(), List.copyOf(filters), Granularity.DAY, from, to, 1, false, currency);
    }

    static List<Filter> filters(List<String> raw, List<FieldProblem> problems) {
        Map<String, Filter> byDimension = new LinkedHashMap<>();
        for (String f : raw == null ? List.<String>of() : raw) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                problems.add(new FieldProblem("filter", "'" + f + "' must look like dimension=value or dimension!=value"));
                continue;
            }
            boolean negated = f.charAt(eq - 1) == '!';
            String dimText = f.substring(0, negated ? eq - 1 : eq).trim();
            Dimension d = Dimension.parse(dimText, "filter", problems);
            if (d == null) {
                continue;
            }
            String value = f.substring(eq + 1);
            String id = (negated ? "!" : "") + d.key();
            Filter existing = byDimension.get(id);
            List<String> values = new ArrayList<>(existing == null ? List.of() : existing.values());
            values.add(value);
            byDimension.put(id, new Filter(d, negated, List.copyOf(values)));
        }
        return List.copyOf(byDimension.values());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, E fallback, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
            return fallback;
        }
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date like 2025-01-31"));
            return null;
        }
    }

    /** The range of the same length immediately before this one. */
    public ExplorerQuery previous() {
        long days = ChronoUnit.DAYS.between(from, to);
        return new ExplorerQuery(metric, groupBy, filters, granularity, from.minusDays(days), from, top, false, currency);
    }
}
