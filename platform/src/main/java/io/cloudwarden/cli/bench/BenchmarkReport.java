package io.cloudwarden.cli.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints benchmark figures as {@code BENCH <name> key=value ...} lines and progress as plain lines. */
public final class BenchmarkReport {

    private final PrintStream out;

    public BenchmarkReport(PrintStream out) {
        this.out = out;
    }

    /** Prints one figure line; values are printed as given, doubles with up to 3 decimals. */
    public void figure(String name, Map<String, ?> values) {
        String kv = new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(" "));
        out.println("BENCH " + name + " " + kv);
        out.flush();
    }

    /** Prints a progress line (not a figure). */
    public void progress(String message) {
        out.println("  .. " + message);
        out.flush();
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(v);
    }
}
