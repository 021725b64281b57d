package io.cloudwarden.cli.bench;

/**
 * Options common to all benchmarks.
 *
 * @param resources  estate size (simulated resources across all accounts)
 * @param seed       simulator seed
 * @param iterations repetitions of each measured step (medians are reported)
 * @param baseUrl    base URL of the running application's HTTP API, e.g. {@code http://127.0.0.1:41234}
 */
public record BenchmarkOptions(int resources, long seed, int iterations, String baseUrl) {
}
