package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.ingest.RuleTable.Rule;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Interprets a {@link RuleTable} against one file's header: every rule is compiled once into a step that
 * reads header columns and earlier results by slot, so converting a row is a loop over array slots.
 * Transform types: RENAME_COLUMN, ASSIGN_STATIC_VALUE, ASSIGN_UTC_TIMEZONE, PARSE_DATETIME,
 * ASSIGN_TIMEZONE, CONVERT_TIMEZONE, MONTH_START, MONTH_END, ADD_DAYS, SQL_CONDITION, SQL_QUERY, MAP_VALUES,
 * LOOKUP, STRING_FUNCTIONS, UNNEST_COLUMN; "Not Defined" rows are skipped (docs/cost/formats.md).
 */
final class RuleConverter {

    /** Rule-table dimension names that FOCUS 1.0 renamed. */
    private static final Map<String, String> DIMENSION_RENAMES = Map.of(
            "Provider", "ProviderName", "Publisher", "PublisherName", "InvoiceIssuer", "InvoiceIssuerName");

    /** STRING_FUNCTIONS steps whose output later SQL refers to by a temporary column name. */
    private static final Map<String, String> TEMP_NAMES = Map.of(
            "ResourceType#1", "tmp_resource_type_ResourceType", "ResourceType#2", "tmp_resource_id_ResourceType");

    private static final Pattern SPLIT = Pattern.compile("'split_by':\\s*'([^']*)',\\s*'index':\\s*(\\d+)");
    private static final Pattern AMOUNT = Pattern.compile("['\"]amount['\"]\\s*:\\s*([-+0-9.eE]+)");

    @FunctionalInterface
    private interface Step {
        String apply(SqlExpr.Row row, String current);
    }

    private record CompiledDimension(String name, FocusColumn column, int slot, Step[] steps, int[] tmpSlots,
                                     String[] describe) {
    }

    private final int headerSize;
    private final Map<String, Integer> varSlots = new LinkedHashMap<>();
    private final List<CompiledDimension> dims = new ArrayList<>();

    RuleConverter(RuleTable table, List<String> header) {
        this.headerSize = header.size();
        Map<String, Integer> columns = new HashMap<>();
        Map<String, Integer> columnsCi = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
            columnsCi.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        // variables: every dimension and every temporary column
        table.dimensions.forEach((dim, steps) -> {
            var(dim);
            for (Rule r : steps) {
                String tmp = tmpName(r);
                if (tmp != null) {
                    var(tmp);
                }
            }
        });
        java.util.function.ToIntFunction<String> resolve = name -> {
            Integer c = columns.get(name);
            if (c == null) {
                c = columnsCi.get(name.toLowerCase(Locale.ROOT));
            }
            if (c != null) {
                return c;
            }
            Integer v = varSlots.get(name);
            return v != null ? v : -1;
        };
        table.dimensions.forEach((dim, rules) -> {
            String focusName = DIMENSION_RENAMES.getOrDefault(dim, dim);
            FocusColumn column = FocusColumn.byId(focusName).orElse(null);
            List<Step> steps = new ArrayList<>();
            List<Integer> tmps = new ArrayList<>();
            List<String> describe = new ArrayList<>();
            for (Rule r : rules) {
                Step s = compile(r, dim, resolve);
                if (s != null) {
                    steps.add(s);
                    String tmp = tmpName(r);
                    tmps.add(tmp == null ? -1 : varSlots.get(tmp));
                    describe.add(r.transform() + " " + r.source() + " (" + r.origin() + ")");
                }
            }
            if (!steps.isEmpty()) {
                dims.add(new CompiledDimension(dim, column, varSlots.get(dim), steps.toArray(Step[]::new),
                        tmps.stream().mapToInt(Integer::intValue).toArray(), describe.toArray(String[]::new)));
            }
        });
    }

    private void var(String name) {
        varSlots.putIfAbsent(name, headerSize + varSlots.size());
    }

    private static String tmpName(Rule r) {
        if (r.transform().equals("UNNEST_COLUMN")) {
            // the converters name an unnested child tmp_<child>_<Dimension>, an aggregated list tmp_<list>_<child>_<Dimension>
            String src = r.source();
            String base = r.params().contains("aggregation_operation") ? src.replace('.', '_')
                    : src.substring(src.lastIndexOf('.') + 1);
            return "tmp_" + base + "_" + r.dimension();
        }
        return TEMP_NAMES.get(r.dimension() + "#" + r.step());
    }

    /** Converts one source row into {@code out}; throws with the reason when a value cannot be converted. */
    void convert(String[] fields, FocusRow out) throws RowRejected {
        String[] vars = new String[varSlots.size()];
        SqlExpr.Row row = slot -> {
            if (slot < 0) {
                return null;
            }
            String v = slot < headerSize ? (slot < fields.length ? fields[slot] : null) : vars[slot - headerSize];
            return Values.isNull(v) ? null : v;
        };
        for (CompiledDimension d : dims) {
            String current = null;
            for (int i = 0; i < d.steps.length; i++) {
                try {
                    current = d.steps[i].apply(row, current);
                } catch (RuntimeException e) {
                    throw new RowRejected(d.name + ": " + e.getMessage() + " [" + d.describe[i] + "]");
                }
                if (d.tmpSlots[i] >= 0) {
                    vars[d.tmpSlots[i] - headerSize] = current;
                }
            }
            vars[d.slot - headerSize] = current;
            if (d.column != null && !Values.isNull(current)) {
                try {
                    out.set(d.column, normalise(d.column, current));
                } catch (IllegalArgumentException e) {
                    throw new RowRejected(d.column.id() + ": " + e.getMessage());
                }
            }
        }
    }

    static String normalise(FocusColumn column, String v) {
        return switch (column.type()) {
            case DECIMAL -> Values.decimal(v);
            case DATETIME -> Values.datetime(v);
            default -> v.strip();
        };
    }

    // ---- compilation of one rule --------------------------------------------------------------------

    private Step compile(Rule r, String dim, java.util.function.ToIntFunction<String> resolve) {
        String t = r.transform();
        int src = r.source().equals(dim) || r.source().equals("NA") ? -2 : resolve.applyAsInt(r.source());
        Step read = (row, cur) -> src == -2 ? cur : row.get(src);
        Map<String, Object> p = yaml(r.params(), t);
        return switch (t) {
            case "Not Defined" -> null;
            case "RENAME_COLUMN" -> read;
            case "ASSIGN_STATIC_VALUE" -> {
                Object v = p.get("static_value");
                String s = v == null || "null".equalsIgnoreCase(v.toString()) ? null : v.toString();
                yield (row, cur) -> s;
            }
            case "ASSIGN_UTC_TIMEZONE", "PARSE_DATETIME", "CONVERT_TIMEZONE" -> (row, cur) -> {
                String v = read.apply(row, cur);
                return v == null ? null : Values.datetime(v);
            };
            case "ASSIGN_TIMEZONE" -> {
                ZoneId zone = ZoneId.of(r.params().strip());
                yield (row, cur) -> {
                    String v = read.apply(row, cur);
                    return v == null ? null : Values.format(Values.parseDateTime(v).atZone(zone)
                            .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
                };
            }
            case "MONTH_START", "MONTH_END" -> {
                boolean end = t.equals("MONTH_END");
                yield (row, cur) -> {
                    String v = read.apply(row, cur);
                    if (v == null) {
                        return null;
                    }
                    LocalDateTime start = Values.parseDateTime(v).toLocalDate().withDayOfMonth(1).atStartOfDay();
                    return Values.format(end ? start.plusMonths(1) : start);
                };
            }
            case "ADD_DAYS" -> {
                long days = Long.parseLong(String.valueOf(p.get("days")));
                yield (row, cur) -> {
                    String v = read.apply(row, cur);
                    return v == null ? null : Values.format(Values.parseDateTime(v).plusDays(days));
                };
            }
            case "SQL_CONDITION" -> {
                @SuppressWarnings("unchecked")
                List<String> conditions = (List<String>) p.getOrDefault("conditions", List.of());
                Object def = p.get("default_value");
                SqlExpr.Expr e = SqlExpr.caseOf(conditions, def == null ? null : def.toString(), resolve);
                yield (row, cur) -> e.eval(row);
            }
            case "SQL_QUERY" -> {
                SqlExpr.Expr e = SqlExpr.selectCase(r.params(), resolve);
                yield (row, cur) -> e.eval(row);
            }
            case "MAP_VALUES" -> {
                Map<String, String> map = new HashMap<>();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) p.getOrDefault("value_list", List.of());
                for (Map<String, Object> kv : list) {
                    map.put(String.valueOf(kv.get("key")).strip(), String.valueOf(kv.get("value")));
                }
                Object d = p.get("default_value");
                String def = d == null || d.toString().isEmpty() ? null : d.toString();
                yield (row, cur) -> {
                    String v = read.apply(row, cur);
                    return v == null ? null : map.getOrDefault(v.strip(), def);
                };
            }
            case "LOOKUP" -> {
                Map<String, String> table = RuleTable.lookup(String.valueOf(p.get("reference_dataset_path")),
                        String.valueOf(p.get("source_value")), String.valueOf(p.get("destination_value")));
                boolean fallback = "source".equals(String.valueOf(p.get("fallback")));
                yield (row, cur) -> {
                    String v = read.apply(row, cur);
                    if (v == null) {
                        return null;
                    }
                    String found = table.get(v.strip().toLowerCase(Locale.ROOT));
                    return found != null ? found : fallback ? v : null;
                };
            }
            case "STRING_FUNCTIONS" -> {
                Matcher m = SPLIT.matcher(r.params());
                String sep = m.find() ? m.group(1) : null;
                int index = sep == null ? -1 : Integer.parseInt(m.group(2));
                boolean title = r.params().contains("'title'");
                yield (row, cur) -> {
                    String v = read.apply(row, cur);
                    if (v == null) {
                        return null;
                    }
                    if (sep != null) {
                        String[] parts = v.split(Pattern.quote(sep), -1);
                        v = index < parts.length ? parts[index] : null;
                    }
                    return v != null && title ? titleCase(v) : v;
                };
            }
            case "UNNEST_COLUMN" -> {
                if (r.params().contains("'aggregation_operation': 'sum'")) {
                    String field = r.source().substring(r.source().lastIndexOf('.') + 1);
                    int listSlot = resolve.applyAsInt(r.source().substring(0, r.source().lastIndexOf('.')));
                    yield (row, cur) -> sumField(row.get(listSlot), field);
                }
                yield read;
            }
            default -> throw new IllegalStateException("unknown transform type " + t + " at " + r.origin());
        };
    }

    private static Map<String, Object> yaml(String params, String transform) {
        if (params == null || params.isBlank() || !(transform.startsWith("SQL_CONDITION")
                || transform.equals("MAP_VALUES") || transform.equals("ASSIGN_STATIC_VALUE")
                || transform.equals("LOOKUP") || transform.equals("ADD_DAYS"))) {
            return Map.of();
        }
        Object o = new Yaml().load(params);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
        return m;
    }

    /** Sums {@code field} over a list of objects written as JSON or as a Python literal ({@code 'amount': -5e-06}). */
    static String sumField(String list, String field) {
        if (list == null) {
            return null;
        }
        Matcher m = (field.equals("amount") ? AMOUNT
                : Pattern.compile("['\"]" + Pattern.quote(field) + "['\"]\\s*:\\s*([-+0-9.eE]+)")).matcher(list);
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        while (m.find()) {
            sum = sum.add(new BigDecimal(m.group(1)));
            any = true;
        }
        return any ? sum.toPlainString() : "0";
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return b.toString();
    }
}
