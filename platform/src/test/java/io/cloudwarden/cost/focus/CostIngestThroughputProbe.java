package io.cloudwarden.cost.focus;

import io.cloudwarden.cost.ingest.CostFileReader;
import io.cloudwarden.cost.ingest.CostReadResult;
import io.cloudwarden.cost.ingest.CostRowSink;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: a probe, run on demand with {@code -Dcost.probe=true -Dtest=CostIngestThroughputProbe}.
 * Replicates the FOCUS sample to {@code -Dcost.probe.rows} rows (default 500,000), then times
 * read + convert + conformance check single-threaded and prints {@code BENCH cost-ingest ...} lines,
 * plus the report's status counts.
 */
@EnabledIfSystemProperty(named = "cost.probe", matches = "true")
class CostIngestThroughputProbe {

    @Test
    void probe() throws Exception {
        int rows = Integer.getInteger("cost.probe.rows", 500_000);
        List<String> lines = Files.readAllLines(FocusConformanceCheckerTest.dataPath("focus-sample-data/focus_sample.csv"));
        Path file = Files.createTempFile("focus-probe", ".csv");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(lines.get(0));
                w.newLine();
                for (int i = 0; i < rows; i++) {
                    w.write(lines.get(1 + i % (lines.size() - 1)));
                    w.newLine();
                }
            }
            FocusConformanceChecker checker = new FocusConformanceChecker();
            CostFileReader reader = new CostFileReader();
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                CostReadResult readOnly = time(reader, file, null);
                long t1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                FocusConformanceChecker.Session session = checker.begin(Set.of());
                time(reader, file, session);
                ConformanceReport report = session.finish();
                long t2 = System.nanoTime();
                long c2 = cpu.getCurrentThreadCpuTime();
                // wall time on a shared, loaded machine understates; per CPU-second of this thread is the fairer figure
                System.out.printf("BENCH cost-ingest run=%d rows=%d read_convert_rows_per_s=%.0f read_convert_check_rows_per_s=%.0f"
                                + " read_convert_rows_per_cpu_s=%.0f read_convert_check_rows_per_cpu_s=%.0f%n",
                        run, readOnly.rowsRead(), readOnly.rowsRead() / ((t1 - t0) / 1e9), rows / ((t2 - t1) / 1e9),
                        readOnly.rowsRead() / ((c1 - c0) / 1e9), rows / ((c2 - c1) / 1e9));
                if (run == 2) {
                    Map<ConformanceReport.Status, Integer> counts = new TreeMap<>();
                    report.rules().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
                    System.out.println("BENCH cost-conformance statuses " + counts);
                    report.withStatus(ConformanceReport.Status.FAILED).forEach(r -> System.out.println(
                            "BENCH failed " + r.ruleId() + " " + r.keyword() + " failed=" + r.failed() + " " + r.description()));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static CostReadResult time(CostFileReader reader, Path file, FocusConformanceChecker.Session session) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, "probe.csv", new CostRowSink() {
                @Override
                public void accept(FocusRow row) {
                    if (session != null) {
                        session.check(row);
                    }
                }

                @Override
                public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
                }
            });
        }
    }
}
