package io.cloudwarden.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** Timing of repeated calls: warm-up runs, then measured runs in milliseconds, sorted, and their percentiles. */
final class Latencies {

    private Latencies() {
    }

    /** Runs {@code call} {@code warmup} times unmeasured, then {@code runs} times; returns the sorted durations in ms. */
    static List<Double> measure(int warmup, int runs, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        List<Double> ms = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        ms.sort(Double::compare);
        return ms;
    }

    /** The {@code p}th percentile (nearest rank) of sorted values. */
    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
