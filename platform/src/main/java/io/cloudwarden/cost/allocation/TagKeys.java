package io.cloudwarden.cost.allocation;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Normalises tag keys so that spelling variants match one canonical key: lower case, without {@code -}, {@code _}
 * and spaces ({@code Cost-Center}, {@code cost_center}, {@code CostCenter} → {@code costcenter}), then mapped
 * through the configured synonyms ({@code costcentre} → {@code costcenter}).
 */
public final class TagKeys {

    private final Map<String, String> synonyms = new HashMap<>();

    /** @param synonyms canonical key → its other names; all are normalised first */
    public TagKeys(Map<String, List<String>> synonyms) {
        synonyms.forEach((canonical, variants) -> {
            String c = basic(canonical);
            for (String v : variants) {
                this.synonyms.put(basic(v), c);
            }
        });
    }

    /** The canonical key of {@code key}. */
    public String canonical(String key) {
        String b = basic(key);
        return synonyms.getOrDefault(b, b);
    }

    /** Groups raw keys seen in the data by canonical key; each group is sorted, which fixes which variant wins. */
    public Map<String, List<String>> variants(Collection<String> rawKeys) {
        Map<String, TreeSet<String>> groups = new LinkedHashMap<>();
        for (String raw : rawKeys) {
            groups.computeIfAbsent(canonical(raw), k -> new TreeSet<>()).add(raw);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static String basic(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }
}
