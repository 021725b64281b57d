package io.cloudwarden.cost.focus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the FOCUS 1.2 model's CheckFunction trees into row predicates. A rule is row-checkable when
 * every node of its requirement and condition is a row-level check on a FOCUS column or a reference to
 * another row-checkable rule; a rule that is exactly {@code ColumnPresent} is decided per dataset.
 */
final class ConformanceModel {

    static final byte PASS = 1;
    static final byte FAIL = 2;
    static final byte SKIP = 3;

    /** A compiled rule. {@code rowCheck} null means not row-checkable (see {@code note} or {@code presenceOf}). */
    record CompiledRule(String id, String description, String keyword, List<String> criteria, Node rowCheck,
                        Node condition, FocusColumn presenceOf, String note, Set<FocusColumn> columns) {
    }

    /** Per-row evaluation state: memoised rule results so CheckModelRule references are evaluated once. */
    static final class Ctx {
        FocusRow row;
        /** Per-column memo of the decimal and datetime format checks, which several rules repeat. */
        final byte[] decimalOk = new byte[FocusColumn.values().length];
        final byte[] dateTimeOk = new byte[FocusColumn.values().length];
        final BigDecimal[] decimals = new BigDecimal[FocusColumn.values().length];

        /** The column's value as a decimal (parsed once per row), or null when null or not a plain decimal. */
        BigDecimal decimal(FocusColumn c) {
            BigDecimal d = decimals[c.ordinal()];
            if (d == null) {
                String v = row.get(c);
                if (v == null || !FocusFormats.isPlainDecimal(v)) {
                    return null;
                }
                d = new BigDecimal(v);
                decimals[c.ordinal()] = d;
            }
            return d;
        }
        private final byte[] memo;
        private final Node[] checks;
        private final Node[] conditions;

        /** {@code checks[i]} null means rule i is skipped (not applicable or not row-checkable). */
        Ctx(byte[] memo, Node[] checks, Node[] conditions) {
            this.memo = memo;
            this.checks = checks;
            this.conditions = conditions;
        }

        byte result(int i) {
            byte m = memo[i];
            if (m != 0) {
                return m;
            }
            Node check = checks[i];
            Node condition = conditions[i];
            if (check == null || condition != null && condition.test(this) != T) {
                m = SKIP;
            } else {
                m = check.test(this) == F ? FAIL : PASS;
            }
            memo[i] = m;
            return m;
        }
    }

    /** Note prefix of rules whose condition cannot be evaluated from a row; they never fail a parent rule. */
    static final String NOT_MACHINE_CHECKABLE = "not machine-checkable: ";

    private static final BigDecimal TOLERANCE = new BigDecimal("1E-6");

    static final int T = 1;
    static final int F = 0;
    static final int U = -1;

    /** A check in SQL three-valued logic: T, F, or U (unknown, e.g. comparing a null); only F fails a rule. */
    @FunctionalInterface
    interface Node {
        int test(Ctx ctx);
    }

    private static final class NotRowCheckable extends RuntimeException {
        NotRowCheckable(String why) {
            super(why, null, false, false);
        }
    }

    private final Map<String, Object> modelRules;
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> currencies = FocusConformanceChecker.currencyCodes();
    private final Map<String, String> notRowCheckable = new HashMap<>();

    private ConformanceModel(Map<String, Object> modelRules) {
        this.modelRules = modelRules;
        int i = 0;
        for (String id : modelRules.keySet()) {
            index.put(id, i++);
        }
    }

    static List<CompiledRule> load() {
        Map<String, Object> model = FocusConformanceChecker.readModel();
        ConformanceModel m = new ConformanceModel(ModelPreparation.prepare(FocusConformanceChecker.asMap(model.get("ModelRules"))));
        return m.compileAll();
    }

    private List<CompiledRule> compileAll() {
        List<CompiledRule> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : modelRules.entrySet()) {
            out.add(compileRule(e.getKey(), FocusConformanceChecker.asMap(e.getValue())));
        }
        return out;
    }

    private final Map<String, CompiledRule> compiled = new HashMap<>();

    private CompiledRule compileRule(String id, Map<String, Object> rule) {
        CompiledRule done = compiled.get(id);
        if (done == null) {
            done = doCompileRule(id, rule);
            compiled.put(id, done);
        }
        return done;
    }

    private CompiledRule doCompileRule(String id, Map<String, Object> rule) {
        Map<String, Object> vc = FocusConformanceChecker.asMap(rule.get("ValidationCriteria"));
        String description = String.valueOf(vc.get("MustSatisfy"));
        String keyword = String.valueOf(vc.get("Keyword"));
        @SuppressWarnings("unchecked")
        List<String> criteria = rule.get("ApplicabilityCriteria") instanceof List<?> l ? (List<String>) l : List.of();
        Map<String, Object> req = FocusConformanceChecker.asMap(vc.get("Requirement"));
        if (rule.get(ModelPreparation.NOT_MACHINE_CHECKABLE) != null) {
            return new CompiledRule(id, description, keyword, criteria, null, null, null,
                    NOT_MACHINE_CHECKABLE + rule.get(ModelPreparation.NOT_MACHINE_CHECKABLE), Set.of());
        }
        if (req.isEmpty()) {
            return new CompiledRule(id, description, keyword, criteria, null, null, null,
                    "the model gives no machine-checkable requirement for this rule", Set.of());
        }
        if (keyword.equals("MAY")) {
            return new CompiledRule(id, description, keyword, criteria, null, null, null,
                    "a MAY rule permits and cannot fail", Set.of());
        }
        if ("ColumnPresent".equals(req.get("CheckFunction"))) {
            FocusColumn c = FocusColumn.byId(String.valueOf(req.get("ColumnName"))).orElse(null);
            if (c != null) {
                return new CompiledRule(id, description, keyword, criteria, null, null, c, null, Set.of());
            }
        }
        Set<FocusColumn> reads = java.util.EnumSet.noneOf(FocusColumn.class);
        reading.push(reads);
        try {
            Node check = node(req);
            Map<String, Object> condMap = FocusConformanceChecker.asMap(vc.get("Condition"));
            Node cond = condMap.isEmpty() ? null : node(condMap);
            Object corrected = rule.get(ModelPreparation.CORRECTED);
            return new CompiledRule(id, description, keyword, criteria, check, cond, null,
                    corrected == null ? null : "model encoding corrected (model-1.2-errata.json): " + corrected,
                    java.util.Collections.unmodifiableSet(reads));
        } catch (NotRowCheckable e) {
            notRowCheckable.put(id, e.getMessage());
            return new CompiledRule(id, description, keyword, criteria, null, null, null, e.getMessage(), Set.of());
        } finally {
            reading.pop();
        }
    }

    /** The columns each rule being compiled reads (a rule referring to another reads that one's columns too). */
    private final java.util.ArrayDeque<Set<FocusColumn>> reading = new java.util.ArrayDeque<>();

    private FocusColumn reads(FocusColumn c) {
        if (c != null) {
            reading.forEach(r -> r.add(c));
        }
        return c;
    }

    private Node node(Map<String, Object> n) {
        Object fn = n.get("CheckFunction");
        if (fn == null) { // the model's one {"AND": {...}} / {"AND": [...]} condition shape
            Object and = n.get("AND");
            List<Object> items = and instanceof List<?> l ? new ArrayList<>(l) : List.of(and);
            return all(items);
        }
        String f = fn.toString();
        return switch (f) {
            case "AND" -> all(listOf(n.get("Items")));
            case "OR" -> {
                Node allowed = allowedValues(listOf(n.get("Items")));
                if (allowed != null) {
                    yield allowed;
                }
                Node[] items = listOf(n.get("Items")).stream().map(i -> node(FocusConformanceChecker.asMap(i))).toArray(Node[]::new);
                yield ctx -> {
                    int result = F;
                    for (Node i : items) {
                        int r = i.test(ctx);
                        if (r == T) {
                            return T;
                        }
                        if (r == U) {
                            result = U;
                        }
                    }
                    return result;
                };
            }
            case "CheckModelRule" -> {
                String ref = String.valueOf(n.get("ModelRuleId"));
                Integer i = index.get(ref);
                if (i == null) {
                    throw new NotRowCheckable("refers to unknown rule " + ref);
                }
                Map<String, Object> target = FocusConformanceChecker.asMap(modelRules.get(ref));
                CompiledRule compiled = compileRule(ref, target);
                if (compiled.rowCheck() == null && compiled.note() != null && compiled.presenceOf() == null
                        && !compiled.note().startsWith("the model gives no") && !compiled.note().startsWith("a MAY rule")
                        && !compiled.note().startsWith(NOT_MACHINE_CHECKABLE)) {
                    throw new NotRowCheckable("refers to " + ref + ", which is not row-checkable: " + compiled.note());
                }
                if (compiled.presenceOf() != null) {
                    throw new NotRowCheckable("refers to the dataset-level presence rule " + ref);
                }
                compiled.columns().forEach(this::reads);
                int idx = i;
                yield ctx -> ctx.result(idx) == FAIL ? F : T;
            }
            case "CheckValue", "CheckNotValue" -> {
                FocusColumn c = column(n, "ColumnName");
                Object v = n.get("Value");
                String value = v == null ? null : v.toString();
                boolean negate = f.equals("CheckNotValue");
                boolean numeric = value != null && FocusFormats.isPlainDecimal(value);
                yield ctx -> {
                    String actual = ctx.row.get(c);
                    if (value != null && actual == null) {
                        // a null is not the value ("ChargeClass is not 'Correction'" holds for the usual null
                        // ChargeClass); whether it equals the value is unknown, so an allowed-values list or a
                        // condition "X is 'v'" does not decide on a null
                        return negate ? T : U;
                    }
                    boolean eq = value == null ? actual == null : value.equals(actual) || numeric && FocusFormats.numericEquals(value, actual);
                    return negate != eq ? T : F;
                };
            }
            case "CheckSameValue", "CheckNotSameValue" -> {
                FocusColumn a = column(n, "ColumnAName");
                FocusColumn b = column(n, "ColumnBName");
                boolean negate = f.equals("CheckNotSameValue");
                yield ctx -> {
                    String x = ctx.row.get(a);
                    String y = ctx.row.get(b);
                    return x == null || y == null ? U : negate != x.equals(y) ? T : F;
                };
            }
            case "CheckGreaterOrEqualThanValue" -> {
                FocusColumn c = column(n, "ColumnName");
                BigDecimal min = new BigDecimal(String.valueOf(n.get("Value")));
                yield ctx -> {
                    String v = ctx.row.get(c);
                    if (v == null) {
                        return T;
                    }
                    BigDecimal d = ctx.decimal(c);
                    return d != null && d.compareTo(min) >= 0 ? T : F;
                };
            }
            case "ColumnByColumnEqualsColumnValue" -> {
                FocusColumn a = column(n, "ColumnAName");
                FocusColumn b = column(n, "ColumnBName");
                FocusColumn r = column(n, "ResultColumnName");
                yield ctx -> {
                    String x = ctx.row.get(a);
                    String y = ctx.row.get(b);
                    String z = ctx.row.get(r);
                    if (x == null || y == null || z == null) {
                        return U;
                    }
                    BigDecimal dx = ctx.decimal(a);
                    BigDecimal dy = ctx.decimal(b);
                    BigDecimal expected = ctx.decimal(r);
                    if (dx == null || dy == null || expected == null) {
                        return F;
                    }
                    BigDecimal product = dx.multiply(dy);
                    BigDecimal tolerance = expected.abs().max(BigDecimal.ONE).multiply(TOLERANCE);
                    return product.subtract(expected).abs().compareTo(tolerance) <= 0 ? T : F;
                };
            }
            case "CheckDecimalValue", "TypeDecimal", "FormatNumeric" -> {
                FocusColumn c = column(n, "ColumnName");
                yield ctx -> {
                    String v = ctx.row.get(c);
                    if (v == null) {
                        return T;
                    }
                    byte m = ctx.decimalOk[c.ordinal()];
                    if (m == 0) {
                        m = FocusFormats.isPlainDecimal(v) ? (byte) T : (byte) 2;
                        ctx.decimalOk[c.ordinal()] = m;
                    }
                    return m == T ? T : F;
                };
            }
            case "TypeString", "FormatString" -> {
                FocusColumn c = column(n, "ColumnName");
                yield ctx -> {
                    String v = ctx.row.get(c);
                    return v == null || !v.isEmpty() && v.strip().length() == v.length() ? T : F;
                };
            }
            case "TypeDateTime", "FormatDateTime" -> {
                FocusColumn c = column(n, "ColumnName");
                yield ctx -> {
                    String v = ctx.row.get(c);
                    if (v == null) {
                        return T;
                    }
                    byte m = ctx.dateTimeOk[c.ordinal()];
                    if (m == 0) {
                        m = FocusFormats.isUtcDateTime(v) ? (byte) T : (byte) 2;
                        ctx.dateTimeOk[c.ordinal()] = m;
                    }
                    return m == T ? T : F;
                };
            }
            case "FormatCurrency", "CheckNationalCurrency" -> {
                FocusColumn c = column(n, "ColumnName");
                yield ctx -> {
                    String v = ctx.row.get(c);
                    return v == null || currencies.contains(v) ? T : F;
                };
            }
            case "FormatKeyValue" -> {
                FocusColumn c = column(n, "ColumnName");
                yield ctx -> {
                    String v = ctx.row.get(c);
                    return v == null || FocusFormats.isJsonObject(v) ? T : F;
                };
            }
            case "FormatUnit" -> {
                FocusColumn c = column(n, "ColumnName");
                yield ctx -> {
                    String v = ctx.row.get(c);
                    return v == null || FocusFormats.isUnit(v) ? T : F;
                };
            }
            default -> throw new NotRowCheckable("uses " + f + ", a dataset-level check this checker does not run");
        };
    }

    /**
     * An OR of {@code CheckValue}s on one column (an allowed-values list) as one hash lookup, and an OR of
     * ANDs of {@code CheckValue}s on the same two columns (allowed pairs) as one lookup of the pair; null if
     * the OR has another shape. Same three-valued result as evaluating the items one by one.
     */
    private Node allowedValues(List<Object> items) {
        java.util.Set<String> values = new java.util.HashSet<>();
        FocusColumn single = null;
        FocusColumn first = null;
        FocusColumn second = null;
        for (Object o : items) {
            Map<String, Object> item = FocusConformanceChecker.asMap(o);
            Object fn = item.get("CheckFunction");
            if ("CheckValue".equals(fn) && item.get("Value") != null && !FocusFormats.isPlainDecimal(item.get("Value").toString())) {
                FocusColumn c = reads(FocusColumn.byId(String.valueOf(item.get("ColumnName"))).orElse(null));
                if (c == null || single != null && single != c || first != null) {
                    return null;
                }
                single = c;
                values.add(item.get("Value").toString());
            } else if ("AND".equals(fn) && single == null) {
                List<Object> pair = listOf(item.get("Items"));
                if (pair.size() != 2) {
                    return null;
                }
                Map<String, Object> a = FocusConformanceChecker.asMap(pair.get(0));
                Map<String, Object> b = FocusConformanceChecker.asMap(pair.get(1));
                if (!"CheckValue".equals(a.get("CheckFunction")) || !"CheckValue".equals(b.get("CheckFunction"))
                        || a.get("Value") == null || b.get("Value") == null) {
                    return null;
                }
                FocusColumn ca = reads(FocusColumn.byId(String.valueOf(a.get("ColumnName"))).orElse(null));
                FocusColumn cb = reads(FocusColumn.byId(String.valueOf(b.get("ColumnName"))).orElse(null));
                if (ca == null || cb == null || first != null && (first != ca || second != cb)) {
                    return null;
                }
                first = ca;
                second = cb;
                values.add(a.get("Value") + "\u0000" + b.get("Value"));
            } else {
                return null;
            }
        }
        if (single != null) {
            FocusColumn c = single;
            return ctx -> {
                String v = ctx.row.get(c);
                return v == null ? U : values.contains(v) ? T : F;
            };
        }
        if (first == null) {
            return null;
        }
        FocusColumn ca = first;
        FocusColumn cb = second;
        java.util.Set<String> firsts = new java.util.HashSet<>();
        java.util.Set<String> seconds = new java.util.HashSet<>();
        for (String v : values) {
            firsts.add(v.substring(0, v.indexOf('\u0000')));
            seconds.add(v.substring(v.indexOf('\u0000') + 1));
        }
        return ctx -> {
            String x = ctx.row.get(ca);
            String y = ctx.row.get(cb);
            if (x != null && y != null) {
                return values.contains(x + "\u0000" + y) ? T : F;
            }
            // some AND item is unknown: the OR is unknown if some pair could still match, else false
            boolean possible = x == null ? y == null || seconds.contains(y) : firsts.contains(x);
            return possible ? U : F;
        };
    }

    private Node all(List<Object> items) {
        Node[] nodes = items.stream().map(i -> node(FocusConformanceChecker.asMap(i))).toArray(Node[]::new);
        return ctx -> {
            int result = T;
            for (Node i : nodes) {
                int r = i.test(ctx);
                if (r == F) {
                    return F;
                }
                if (r == U) {
                    result = U;
                }
            }
            return result;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private FocusColumn column(Map<String, Object> n, String arg) {
        String name = String.valueOf(n.get(arg));
        return reads(FocusColumn.byId(name).orElseThrow(() -> new NotRowCheckable("names " + name + ", not a FOCUS 1.2 column")));
    }
}
