package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a FOCUS 1.0, 1.1 or 1.2 file: each header column maps to its FOCUS 1.2 column (case-insensitively,
 * through the {@code focus} header aliases for names earlier versions used), {@code x_} columns become
 * extensions, and values are normalised by column type. Other columns are listed, not carried.
 */
final class FocusPassThrough {

    private final FocusColumn[] columns;
    private final String[] extensions;
    private final List<String> ignored = new ArrayList<>();

    FocusPassThrough(List<String> header, Map<String, String> aliases) {
        columns = new FocusColumn[header.size()];
        extensions = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String canonical = aliases.getOrDefault(h.toLowerCase(Locale.ROOT), h);
            FocusColumn c = FocusColumn.byId(canonical).orElse(null);
            if (c == null) {
                for (FocusColumn fc : FocusColumn.values()) {
                    if (fc.id().equalsIgnoreCase(canonical)) {
                        c = fc;
                    }
                }
            }
            if (c != null) {
                columns[i] = c;
            } else if (h.startsWith("x_") || h.startsWith("oci_")) {
                extensions[i] = h.startsWith("x_") ? h : "x_" + h;
            } else {
                ignored.add(h);
            }
        }
    }

    /** Header columns that are neither FOCUS columns nor extensions. */
    List<String> ignored() {
        return ignored;
    }

    void convert(String[] fields, FocusRow out) throws RowRejected {
        for (int i = 0; i < fields.length; i++) {
            String v = fields[i];
            if (Values.isNull(v)) {
                continue;
            }
            FocusColumn c = columns[i];
            if (c != null) {
                try {
                    out.set(c, RuleConverter.normalise(c, v));
                } catch (IllegalArgumentException e) {
                    throw new RowRejected(c.id() + ": " + e.getMessage());
                }
            } else if (extensions[i] != null) {
                out.extension(extensions[i], v);
            }
        }
    }
}
