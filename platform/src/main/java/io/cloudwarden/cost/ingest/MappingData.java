package io.cloudwarden.cost.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The small data tables beside the rule tables: header aliases per provider family
 * ({@code cost/mappings/header-aliases.csv}) and the native cost and currency columns reconciliation sums
 * ({@code cost/mappings/reconciliation.csv}).
 */
final class MappingData {

    /** Columns to sum (first non-null wins) and the currency column. */
    record ReconciliationColumns(int[] costColumns, int currencyColumn, String description) {
    }

    private final Map<String, Map<String, String>> aliases;
    private final Map<String, String[]> reconciliation;

    private MappingData(Map<String, Map<String, String>> aliases, Map<String, String[]> reconciliation) {
        this.aliases = aliases;
        this.reconciliation = reconciliation;
    }

    static MappingData load() {
        Map<String, Map<String, String>> aliases = new HashMap<>();
        for (List<String> r : csv("header-aliases.csv")) {
            aliases.computeIfAbsent(r.get(0), k -> new HashMap<>()).put(r.get(1).toLowerCase(Locale.ROOT), r.get(2));
        }
        Map<String, String[]> rec = new HashMap<>();
        for (List<String> r : csv("reconciliation.csv")) {
            rec.put(r.get(0), new String[] {r.get(1), r.get(2)});
        }
        return new MappingData(aliases, rec);
    }

    private static List<List<String>> csv(String name) {
        InputStream in = MappingData.class.getClassLoader().getResourceAsStream(RuleTable.BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing " + RuleTable.BASE + name);
        }
        List<List<String>> rows = new ArrayList<>();
        try (in; CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (!header) {
                    rows.add(rec.getFields());
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    Map<String, String> aliases(String scope) {
        return aliases.getOrDefault(scope, Map.of());
    }

    static String family(CostFormat format) {
        String name = format.name();
        return name.startsWith("AZURE_") && !format.isFocus() ? "azure" : name.toLowerCase(Locale.ROOT);
    }

    /** The header with this family's aliases applied (e.g. Azure PreTaxCost to CostInBillingCurrency). */
    List<String> canonicalHeader(CostFormat format, List<String> header) {
        Map<String, String> a = aliases(family(format));
        return header.stream().map(h -> a.getOrDefault(h.toLowerCase(Locale.ROOT), h)).toList();
    }

    /** The columns of a GCP export that JSON lines rows may lack in their first object (rule sources and label lists). */
    Set<String> gcpColumns() {
        Set<String> cols = new LinkedHashSet<>();
        RuleTable.load(CostFormat.GCP_BILLING_EXPORT).dimensions.values().forEach(rules -> rules.forEach(r -> {
            if (r.source().contains(".") && !r.source().startsWith("tmp_")) {
                cols.add(r.source().endsWith(".amount") && r.transform().equals("UNNEST_COLUMN")
                        && r.params().contains("sum") ? r.source().substring(0, r.source().lastIndexOf('.')) : r.source());
            }
        }));
        cols.add("cost");
        cols.add("currency");
        cols.addAll(List.of("labels", "project.labels", "system_labels")); // folded into Tags (TagColumns)
        return cols;
    }

    ReconciliationColumns reconciliationColumns(CostFormat format, List<String> header) {
        String key = format.isFocus() ? "FOCUS" : format.name().startsWith("AZURE_") ? "AZURE" : format.name();
        String[] spec = reconciliation.get(key);
        if (spec == null) {
            throw new IllegalStateException("no reconciliation columns for " + format);
        }
        List<Integer> cost = new ArrayList<>();
        for (String c : spec[0].split("\\|")) {
            int i = indexOf(header, c);
            if (i >= 0) {
                cost.add(i);
            }
        }
        return new ReconciliationColumns(cost.stream().mapToInt(Integer::intValue).toArray(), indexOf(header, spec[1]),
                spec[0].replace("|", " (else ") + (spec[0].contains("|") ? ")" : "") + " per " + spec[1]);
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
