package io.cloudwarden.inventory.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sort orders of the resource list. Every order ends with the id, so keyset pagination has a total
 * order; all keys of one order run in the same direction, so a row comparison continues after a cursor.
 */
public enum ResourceSort {
    NAME("name", false, "name", "id"),
    NAME_DESC("-name", true, "name", "id"),
    TYPE("type", false, "type", "name", "id"),
    TYPE_DESC("-type", true, "type", "name", "id"),
    REGION("region", false, "region", "name", "id"),
    LAST_CHANGED("lastChanged", false, "lastChanged", "id"),
    LAST_CHANGED_DESC("-lastChanged", true, "lastChanged", "id");

    private final String wireName;
    private final boolean descending;
    private final List<String> keys;

    ResourceSort(String wireName, boolean descending, String... keys) {
        this.wireName = wireName;
        this.descending = descending;
        this.keys = List.of(keys);
    }

    public static Optional<ResourceSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(s -> s.wireName).toList();
    }

    public String wireName() {
        return wireName;
    }

    public boolean descending() {
        return descending;
    }

    /** Logical key names: name, type, region, lastChanged, id. */
    public List<String> keys() {
        return keys;
    }
}
