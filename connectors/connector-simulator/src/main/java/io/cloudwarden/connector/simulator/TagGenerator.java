package io.cloudwarden.connector.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realistic, imperfect tags: about 15% of resources carry none, teams disagree on key spelling
 * ({@code Team}/{@code team}/{@code owner}/{@code Owner}, {@code env}/{@code Environment},
 * {@code cost-center}/{@code CostCenter}) and on values ({@code prod}/{@code Production}). GCP labels are
 * lower case only. Every tag edit (a {@link Mutation#TAGS}) visibly changes the map.
 */
final class TagGenerator {

    private static final long UNTAGGED = 0x5441;
    private static final long KEYS = 0x5442;
    private static final long EDIT = 0x5443;
    private static final String[] TEAMS = {"payments", "platform", "data", "web", "ml", "security", "growth", "search"};
    private static final String[] OWNER_KEYS = {"Team", "team", "owner", "Owner"};
    private static final String[] ENV_KEYS = {"env", "Environment"};
    private static final String[] ENV_VALUES = {"prod", "Production", "dev", "staging"};
    private static final String[] COST_KEYS = {"cost-center", "CostCenter"};
    private static final String[] EXTRA_KEYS = {"backup", "data-classification", "project", "compliance"};
    private static final String[] EXTRA_VALUES = {"daily", "weekly", "internal", "confidential", "pci", "none"};

    private TagGenerator() {
    }

    /**
     * Tags of {@code slot} at its current state.
     *
     * @param nameTag   value of an AWS-style {@code Name} tag, or null
     * @param lowerCase whether keys and values must be lower case (GCP labels)
     */
    static Map<String, String> tags(Slot slot, String nameTag, boolean lowerCase) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (slot.u(UNTAGGED) >= 0.15) {
            long h = slot.h(KEYS);
            if (nameTag != null) {
                tags.put("Name", nameTag);
            }
            if ((h & 7) != 0) {
                tags.put(key(OWNER_KEYS[(int) (h >>> 3 & 3)], lowerCase), TEAMS[(int) (h >>> 5 & 7)]);
            }
            if ((h >>> 8 & 3) != 0) {
                tags.put(key(ENV_KEYS[(int) (h >>> 10 & 1)], lowerCase), value(ENV_VALUES[(int) (h >>> 11 & 3)], lowerCase));
            }
            if ((h >>> 13 & 3) > 1) {
                tags.put(key(COST_KEYS[(int) (h >>> 15 & 1)], lowerCase), "cc-" + (1000 + (h >>> 16 & 31)));
            }
        }
        int edits = slot.state().tagEdits;
        for (int e = 1; e <= edits; e++) {
            edit(tags, slot.h(EDIT + e), lowerCase);
        }
        return tags;
    }

    private static void edit(Map<String, String> tags, long h, boolean lowerCase) {
        int action = tags.isEmpty() ? 0 : DeterministicHash.pick(h, 3);
        if (action == 0) {
            String key = EXTRA_KEYS[DeterministicHash.pick(h >>> 8, EXTRA_KEYS.length)];
            if (!tags.containsKey(key)) {
                tags.put(key, EXTRA_VALUES[DeterministicHash.pick(h >>> 16, EXTRA_VALUES.length)]);
                return;
            }
            action = 1;
        }
        String[] keys = tags.keySet().toArray(new String[0]);
        String key = keys[DeterministicHash.pick(h >>> 24, keys.length)];
        if (action == 1) {
            String old = tags.get(key);
            String changed = value(ENV_VALUES[DeterministicHash.pick(h >>> 32, ENV_VALUES.length)], lowerCase);
            tags.put(key, changed.equals(old) ? old + "-2" : changed);
        } else {
            tags.remove(key);
        }
    }

    private static String key(String key, boolean lowerCase) {
        return lowerCase ? key.toLowerCase(java.util.Locale.ROOT) : key;
    }

    private static String value(String value, boolean lowerCase) {
        return lowerCase ? value.toLowerCase(java.util.Locale.ROOT) : value;
    }
}
