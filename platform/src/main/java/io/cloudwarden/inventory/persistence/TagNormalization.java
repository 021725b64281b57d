package io.cloudwarden.inventory.persistence;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Normalises tag keys for filtering: keys are trimmed and lower-cased, values kept as reported. When several
 * raw keys collapse into one key (e.g. {@code Team} and {@code team}), the raw key that already equals the
 * normalised key wins; otherwise the raw key that sorts first wins, so the outcome never depends on map order.
 */
public final class TagNormalization {

    private TagNormalization() {
    }

    /** The normalised tags, sorted by key. */
    public static TreeMap<String, String> normalise(Map<String, String> raw) {
        TreeMap<String, String> sortedRaw = new TreeMap<>(raw);
        TreeMap<String, String> normalised = new TreeMap<>();
        for (Map.Entry<String, String> e : sortedRaw.entrySet()) {
            String key = normaliseKey(e.getKey());
            if (key.isEmpty()) {
                continue;
            }
            if (!normalised.containsKey(key) || e.getKey().equals(key)) {
                normalised.put(key, e.getValue() == null ? "" : e.getValue());
            }
        }
        return normalised;
    }

    /** A tag key as filters compare it. */
    public static String normaliseKey(String key) {
        return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    }
}
