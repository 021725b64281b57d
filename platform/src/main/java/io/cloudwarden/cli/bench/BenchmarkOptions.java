package io.cloudwarden.cli.bench;

/**
 * Options common to all benchmarks.
 *
 * @param resources  estate size (simulated resources across all accounts)
 * @param seed       simulator seed
 * @param iterations repetitions of each measured step (medians are reported)
 * @param baseUrl    base URL of the running application's HTTP API, e.g. {@code http://127.0.0.1:41234}
 * @param entries    audit log size for the audit benchmarks ({@code null}: the benchmark's default)
 * @param seconds    how long sustained-load benchmarks measure
 * @param rows       cost rows for the cost benchmarks ({@code null}: the benchmark's default)
 */
public record BenchmarkOptions(int resources, long seed, int iterations, String baseUrl, Long entries, int seconds, Long rows) {
}
