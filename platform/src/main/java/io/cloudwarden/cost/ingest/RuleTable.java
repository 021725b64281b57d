package io.cloudwarden.cost.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A conversion rule table in the FOCUS converters' format ({@code FOCUS Dimension, Transform Step, Source
 * Column, Source Column Type, Transform Type, Filters/Process/Etc.}), merged with Cloudwarden's override
 * tables: a dimension present in an override table replaces that dimension's upstream steps (ADR 26).
 * Also loads the classpath reference tables that LOOKUP rules name.
 */
final class RuleTable {

    static final String BASE = "cost/mappings/";

    /** One row of a rule table. */
    record Rule(String dimension, int step, String source, String transform, String params, String origin) {
    }

    private static final Map<String, Map<String, String>> LOOKUPS = new ConcurrentHashMap<>();

    /** Dimension name to its steps, in table order. */
    final Map<String, List<Rule>> dimensions;

    private RuleTable(Map<String, List<Rule>> dimensions) {
        this.dimensions = dimensions;
    }

    static RuleTable load(CostFormat format) {
        Map<String, List<Rule>> dims = new LinkedHashMap<>();
        for (Rule r : read(BASE + "rules/" + format.rulesFile() + ".csv", true)) {
            dims.computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r);
        }
        for (String override : List.of(format.rulesFile(), format.name().toLowerCase(Locale.ROOT))) {
            Map<String, List<Rule>> replaced = new LinkedHashMap<>();
            for (Rule r : read(BASE + "overrides/" + override + ".csv", false)) {
                replaced.computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r);
            }
            dims.putAll(replaced);
        }
        dims.values().forEach(steps -> steps.sort(java.util.Comparator.comparingInt(Rule::step)));
        return new RuleTable(dims);
    }

    private static List<Rule> read(String resource, boolean required) {
        InputStream in = RuleTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            if (required) {
                throw new IllegalStateException("missing conversion rule table " + resource);
            }
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        try (in; CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord rec : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                if (rec.getFieldCount() < 5 || rec.getField(0).isBlank() || rec.getField(0).startsWith("#")) {
                    continue;
                }
                String params = rec.getFieldCount() > 5 ? rec.getField(5) : "";
                rules.add(new Rule(rec.getField(0).strip(), Integer.parseInt(rec.getField(1).strip()),
                        rec.getField(2).strip(), rec.getField(4).strip(), params,
                        resource.substring(BASE.length()) + " line " + rec.getStartingLineNumber()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /**
     * A reference table as key to value, keys lower-cased (lookups are case-insensitive: Azure writes
     * {@code Microsoft.Compute} where the mapping has {@code microsoft.compute}).
     */
    static Map<String, String> lookup(String datasetPath, String keyColumn, String valueColumn) {
        String file = datasetPath.substring(datasetPath.lastIndexOf('/') + 1);
        String resource = datasetPath.startsWith("conversion_configs/") ? BASE + "categories/" + file : BASE + datasetPath;
        return LOOKUPS.computeIfAbsent(resource + "|" + keyColumn + "|" + valueColumn, k -> {
            InputStream in = RuleTable.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("missing reference table " + resource);
            }
            Map<String, String> map = new HashMap<>();
            try (in; CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
                int key = -1;
                int value = -1;
                for (CsvRecord rec : csv) {
                    if (key < 0) {
                        List<String> h = rec.getFields().stream().map(s -> s.replace("\uFEFF", "")).toList();
                        key = h.indexOf(keyColumn);
                        value = h.indexOf(valueColumn);
                        if (key < 0 || value < 0) {
                            throw new IllegalStateException(resource + " has no column " + keyColumn + " or " + valueColumn);
                        }
                        continue;
                    }
                    if (rec.getFieldCount() > Math.max(key, value)) {
                        map.putIfAbsent(rec.getField(key).toLowerCase(Locale.ROOT), rec.getField(value));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(map);
        });
    }
}
