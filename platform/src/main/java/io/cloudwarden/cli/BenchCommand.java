package io.cloudwarden.cli;

import io.cloudwarden.cli.bench.AuditVerifyBench;
import io.cloudwarden.cli.bench.Benchmark;
import io.cloudwarden.cli.bench.BenchmarkOptions;
import io.cloudwarden.cli.bench.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a benchmark against a fully started application on a scratch embedded PostgreSQL, printing
 * {@code BENCH <name> key=value ...} lines. The scratch data is deleted afterwards unless --keep-data.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark; prints one 'BENCH <name> key=value ...' line per figure.",
                "Figures are medians.",
                "Each benchmark also measures its physical reference in the same run.",
                "Benchmarks: inventory-load (full load + raw COPY reference + delta sync),",
                "            inventory-search (p50/p95/p99 of the search API over authenticated HTTP),",
                "            startup (demo to health UP and to first sync done, vs a bare embedded PostgreSQL),",
                "            audit-append (sustained durable appends/s vs single-row synchronous INSERTs; append to checkpoint p99),",
                "            audit-proofs (inclusion and consistency proof latency over a log of --entries entries),",
                "            audit-verify (offline verification of a generated audit bundle vs reading and hashing its bytes;",
                "            no application or database is started),",
                "            auth (login p50/p95 vs bare bcrypt; token verification + permission check overhead on a cheap read;",
                "            refresh p95),",
                "            cost-ingest (a FOCUS CSV of --rows rows imported end to end vs raw COPY of the converted rows),",
                "            cost-explorer (p50/p95 of typical explorer queries over HTTP on 13 months and --rows cost rows)."})
class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "inventory-load, inventory-search, startup, audit-append, audit-proofs, audit-verify, auth, cost-ingest or cost-explorer")
    String name;

    @Option(names = "--resources",
            description = "Estate size (default: 1000000 for the inventory benchmarks, 20000 (the demo's default) for startup).")
    Integer resources;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", defaultValue = "3", description = "Repetitions of repeatable steps; medians are reported (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--entries",
            description = "Audit log size for audit-proofs (default 10000000) and audit-verify (default 1000000).")
    Long entries;

    @Option(names = "--rows", description = "Cost rows for cost-ingest (default 1000000) and cost-explorer (default 10000000).")
    Long rows;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Measuring time of sustained-load benchmarks such as audit-append (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--data-dir", description = "Scratch directory for the embedded database (default: a temporary directory).")
    Path dataDir;

    @Option(names = "--keep-data", description = "Keep the scratch database afterwards.")
    boolean keepData;

    @Override
    public Integer call() throws Exception {
        Benchmark offline = offlineBenchmarks().stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
        if (offline != null) {
            if ((entries != null && (entries < 1 || entries > 100_000_000)) || iterations < 1) {
                System.err.println("--entries must be between 1 and 100000000, --iterations at least 1");
                return 2;
            }
            offline.run(new BenchmarkOptions(0, seed, iterations, null, entries, seconds, rows), new BenchmarkReport(System.out));
            return 0;
        }
        if (resources == null) {
            resources = name.equals("startup") ? 20_000 : 1_000_000;
        }
        if (rows != null && (rows < 1 || rows > 100_000_000)) {
            System.err.println("--rows must be between 1 and 100000000");
            return 2;
        }
        if (entries != null && (entries < 1 || entries > 100_000_000)) {
            System.err.println("--entries must be between 1 and 100000000");
            return 2;
        }
        if (seconds < 1 || seconds > 3600) {
            System.err.println("--seconds must be between 1 and 3600");
            return 2;
        }
        if (resources < 100 || resources > 1_000_000) {
            System.err.println("--resources must be between 100 and 1000000");
            return 2;
        }
        BenchmarkReport report = new BenchmarkReport(System.out);
        if (name.equals("startup")) {
            new StartupBench(report).run(resources, seed, iterations);
            return 0;
        }
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("cloudwarden-bench");
        byte[] pw = new byte[18];
        new SecureRandom().nextBytes(pw);
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", 0);
        props.put("cloudwarden.db.data-dir", dir.toAbsolutePath().toString());
        props.put("cloudwarden.identity.bootstrap-tenant", "Bench");
        props.put("cloudwarden.identity.admin-password", HexFormat.of().formatHex(pw));
        props.put("cloudwarden.accounts.scheduler-enabled", false);
        props.put("logging.level.root", "warn");
        // benchmarks send thousands of requests a minute from one tenant: the limiter still runs, with limits out of reach
        props.put("cloudwarden.identity.rate-limit.requests-per-minute", 100_000_000);
        props.put("cloudwarden.identity.rate-limit.login-attempts-per-minute", 100_000_000);
        report.progress("starting the application (scratch database in " + dir + ")");
        try (ConfigurableApplicationContext ctx = ServerStart.start(props, new String[0], "bench")) {
            Benchmark bench = ctx.getBeansOfType(Benchmark.class).values().stream().filter(b -> b.name().equals(name)).findFirst()
                    .orElse(null);
            if (bench == null) {
                System.err.println("unknown benchmark '" + name + "'; available: "
                        + String.join(", ", Stream.concat(ctx.getBeansOfType(Benchmark.class).values().stream(),
                                offlineBenchmarks().stream()).map(Benchmark::name).sorted().toList()));
                return 2;
            }
            String baseUrl = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            bench.run(new BenchmarkOptions(resources, seed, iterations, baseUrl, entries, seconds, rows), report);
        } finally {
            if (!keepData && dataDir == null) {
                deleteTree(dir);
            }
        }
        return 0;
    }

    /** Benchmarks that need neither the application nor a database: run without starting them. */
    static List<Benchmark> offlineBenchmarks() {
        return List.of(new AuditVerifyBench());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
