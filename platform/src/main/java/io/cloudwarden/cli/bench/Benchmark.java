package io.cloudwarden.cli.bench;

/**
 * One benchmark run by {@code ./cloudwarden bench <name>}. Implementations are Spring beans in a fully
 * started application (embedded PostgreSQL in a scratch directory, web server on a free port), except those
 * that need neither (e.g. {@link AuditVerifyBench}), which {@code bench} runs without starting anything. Each
 * benchmark measures its physical reference in the same run (for example a raw {@code COPY} of the same
 * rows) and prints one {@code BENCH <name> key=value ...} line per figure through the report.
 */
public interface Benchmark {

    /** Name used on the command line, e.g. {@code inventory-load}. */
    String name();

    /** One line shown by {@code bench --help}. */
    String description();

    /** Runs the benchmark. Progress goes to {@code report.progress}, figures to {@code report.figure}. */
    void run(BenchmarkOptions options, BenchmarkReport report) throws Exception;
}
