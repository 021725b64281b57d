package io.cloudwarden.cli;

import io.cloudwarden.cli.bench.BenchmarkReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench startup}: starts {@code cloudwarden demo} as a separate process on a fresh data directory
 * (first start: PostgreSQL initdb included) and measures the time to {@code /actuator/health} UP and to
 * the end of the first sync of the ten-account estate. The physical reference, measured in the same run,
 * is a bare embedded PostgreSQL initialised and started in a fresh directory.
 */
final class StartupBench {

    private final BenchmarkReport report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    StartupBench(BenchmarkReport report) {
        this.report = report;
    }

    void run(int resources, long seed, int iterations) throws Exception {
        List<Double> health = new ArrayList<>();
        List<Double> synced = new ArrayList<>();
        List<Double> postgres = new ArrayList<>();
        for (int i = 1; i <= iterations; i++) {
            postgres.add(bareEmbeddedPostgres());
            double[] demo = demoOnce(resources, seed);
            health.add(demo[0]);
            synced.add(demo[1]);
            report.progress(String.format("run %d/%d: health UP %.1f s, first sync done %.1f s, bare PostgreSQL %.1f s",
                    i, iterations, demo[0], demo[1], postgres.get(postgres.size() - 1)));
        }
        report.figure("startup", Map.of("resources", resources, "runs", iterations,
                "health_up_s_median", median(health), "first_sync_done_s_median", median(synced),
                "bare_postgres_start_s_median", median(postgres),
                "health_over_postgres_ratio", median(health) / median(postgres)));
    }

    private double[] demoOnce(int resources, long seed) throws Exception {
        Path dir = Files.createTempDirectory("cloudwarden-startup");
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar, "demo", "--port", Integer.toString(port),
                "--data-dir", dir.toString(), "--resources", Integer.toString(resources), "--seed", Long.toString(seed))
                .redirectErrorStream(true);
        pb.environment().put("CLOUDWARDEN_ADMIN_PASSWORD", "startup-benchmark-password");
        long start = System.nanoTime();
        Process p = pb.start();
        java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
        CompletableFuture<Double> syncDone = new CompletableFuture<>();
        Thread reader = new Thread(() -> watchForReady(p, start, tail, syncDone), "startup-bench-output");
        reader.setDaemon(true);
        reader.start();
        try {
            double healthUp = Double.NaN;
            while (p.isAlive() && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
                if (healthy(port)) {
                    healthUp = seconds(start);
                    break;
                }
                Thread.sleep(50);
            }
            double done;
            try {
                done = syncDone.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException e) {
                done = Double.NaN;
            }
            if (Double.isNaN(done) || Double.isNaN(healthUp)) {
                throw new IllegalStateException("the demo did not get ready; its last output:\n  " + String.join("\n  ", tail));
            }
            return new double[] {healthUp, done};
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            BenchCommand.deleteTree(dir);
        }
    }

    /** Completes {@code ready} with the seconds to the demo's ready line, and keeps draining the output. */
    private static void watchForReady(Process p, long start, java.util.Deque<String> tail, CompletableFuture<Double> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
                if (line.startsWith("Cloudwarden is ready")) {
                    ready.complete(seconds(start));
                }
            }
        } catch (IOException e) {
            // the process ended; fall through
        }
        ready.complete(Double.NaN);
    }

    private boolean healthy(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double bareEmbeddedPostgres() throws IOException {
        Path dir = Files.createTempDirectory("cloudwarden-pg-reference");
        long start = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            return seconds(start);
        } finally {
            BenchCommand.deleteTree(dir);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
