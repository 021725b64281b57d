package io.cloudwarden.inventory.internal;

import io.cloudwarden.inventory.internal.ResourceViews.PathChange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Lists the leaf-level differences between two JSON documents as JSON Pointer paths. Objects are compared key by
 * key, arrays index by index (an inserted element therefore shows as changes of the following indexes, which
 * is what configuration arrays such as security group lists need: their order is significant).
 */
final class JsonDiff {

    private JsonDiff() {
    }

    /** Differences from {@code before} to {@code after}; {@code null} means absent. */
    static List<PathChange> diff(String path, JsonNode before, JsonNode after) {
        List<PathChange> out = new ArrayList<>();
        walk(path, before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<PathChange> out) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            out.add(new PathChange(path, "added", null, after));
        } else if (after == null) {
            out.add(new PathChange(path, "removed", before, null));
        } else if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>(before.propertyNames());
            keys.addAll(after.propertyNames());
            for (String key : keys) {
                walk(path + "/" + escape(key), before.get(key), after.get(key), out);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                walk(path + "/" + i, i < before.size() ? before.get(i) : null, i < after.size() ? after.get(i) : null, out);
            }
        } else if (!before.equals(after)) {
            out.add(new PathChange(path, "changed", before, after));
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
