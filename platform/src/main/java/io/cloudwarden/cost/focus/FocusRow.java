package io.cloudwarden.cost.focus;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cost row in FOCUS 1.2 terms: a normalised text value (or null) per {@link FocusColumn}, plus the
 * provider's extension columns ({@code x_...}) and the row's number in its source file (1 = first data
 * row), which quarantine reports and validation findings cite. Mutable while a converter fills it.
 */
public final class FocusRow {

    private static final FocusColumn[] COLUMNS = FocusColumn.values();

    private final long sourceRow;
    private final String[] values = new String[COLUMNS.length];
    private Map<String, String> extensions;

    public FocusRow(long sourceRow) {
        this.sourceRow = sourceRow;
    }

    public long sourceRow() {
        return sourceRow;
    }

    public String get(FocusColumn column) {
        return values[column.ordinal()];
    }

    /** Sets a column; blank text is stored as null (FOCUS null). */
    public FocusRow set(FocusColumn column, String value) {
        values[column.ordinal()] = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** Provider extension columns, named as in FOCUS ({@code x_} prefix), in insertion order. */
    public Map<String, String> extensions() {
        return extensions == null ? Map.of() : Collections.unmodifiableMap(extensions);
    }

    public FocusRow extension(String name, String value) {
        if (extensions == null) {
            extensions = new LinkedHashMap<>();
        }
        extensions.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        return "FocusRow{" + sourceRow + ", " + Arrays.toString(values) + "}";
    }
}
