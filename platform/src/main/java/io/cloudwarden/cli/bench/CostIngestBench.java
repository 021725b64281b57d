package io.cloudwarden.cli.bench;

import io.cloudwarden.connector.simulator.FocusCostFileGenerator;
import io.cloudwarden.cost.imports.CostImport;
import io.cloudwarden.cost.imports.CostImports;
import io.cloudwarden.cost.ledger.CostCopyReference;
import io.cloudwarden.shared.TenantContext;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code cost-ingest}: a FOCUS 1.2 CSV of {@code --rows} rows from the simulator's generator, imported end to end
 * (parse, convert, FOCUS conformance check, staged COPY, period replacement, allocation, rollups), against the
 * physical reference measured in the same run: a raw {@code COPY} of the same rows, already converted, into an
 * unindexed temporary table shaped like the ledger.
 */
@Component
@Profile("bench")
class CostIngestBench implements Benchmark {

    static final long DEFAULT_ROWS = 1_000_000;

    private final CostImports imports;
    private final CostCopyReference ledger;
    private final BenchTenant tenant;

    CostIngestBench(CostImports imports, CostCopyReference ledger, BenchTenant tenant) {
        this.imports = imports;
        this.ledger = ledger;
        this.tenant = tenant;
    }

    @Override
    public String name() {
        return "cost-ingest";
    }

    @Override
    public String description() {
        return "Import a FOCUS CSV of --rows rows (default 1,000,000) end to end vs raw COPY of the converted rows";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        long rows = options.rows() != null ? options.rows() : DEFAULT_ROWS;
        Path dir = Files.createTempDirectory("cloudwarden-cost-bench");
        Path file = dir.resolve("focus-" + rows + ".csv");
        Path converted = dir.resolve("converted.copy");
        try {
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                FocusCostFileGenerator.write(out, rows, options.seed());
            }
            report.progress(String.format(Locale.ROOT, "generated %,d FOCUS 1.2 rows (%,d MB) in %.1f s", rows,
                    Files.size(file) >> 20, seconds(start)));
            int iterations = Math.max(1, Math.min(options.iterations(), 3));
            List<Double> importSeconds = new ArrayList<>();
            List<Double> copySeconds = new ArrayList<>();
            List<Double> ledgerCopySeconds = new ArrayList<>();
            UUID lastImport = null;
            for (int i = 0; i < iterations; i++) {
                UUID id = TenantContext.callAs(tenant.tenant(), () -> imports.register(CostImport.Source.CLI, file.getFileName().toString(),
                        null, Files.size(file), null, "bench"));
                long t = System.nanoTime();
                CostImport done = imports.run(tenant.tenant(), id, List.of(new CostImports.ImportFile(file.getFileName().toString(),
                        Files.size(file), () -> Files.newInputStream(file))));
                importSeconds.add(seconds(t));
                if (!"SUCCEEDED".equals(done.status()) || done.rowsAccepted() != rows) {
                    throw new IllegalStateException("the import ended " + done.status() + " with " + done.rowsAccepted() + " of " + rows
                            + " rows: " + done.error());
                }
                lastImport = id;
                report.progress(String.format(Locale.ROOT, "import %d/%d: %,d rows in %.1f s (%,.0f rows/s)", i + 1, iterations, rows,
                        importSeconds.get(i), rows / importSeconds.get(i)));
                if (i == 0) {
                    long exported = ledger.exportCopy(tenant.tenant(), id, converted);
                    report.progress(String.format(Locale.ROOT, "converted rows written for the reference: %,d", exported));
                }
                double copy = ledger.copyReference(tenant.tenant(), converted);
                copySeconds.add(copy);
                report.progress(String.format(Locale.ROOT, "raw COPY reference %d/%d: %.1f s (%,.0f rows/s)", i + 1, iterations, copy,
                        rows / copy));
                Double intoLedger = ledger.copyIntoLedger(tenant.tenant(), converted);
                if (intoLedger != null) {
                    ledgerCopySeconds.add(intoLedger);
                    report.progress(String.format(Locale.ROOT, "raw COPY into the ledger %d/%d: %.1f s (%,.0f rows/s)", i + 1, iterations,
                            intoLedger, rows / intoLedger));
                }
            }
            double importMedian = median(importSeconds);
            double copyMedian = median(copySeconds);
            Map<String, Object> figure = new java.util.LinkedHashMap<>(Map.of("rows", rows, "iterations", iterations,
                    "seconds", importMedian, "rows_per_s", rows / importMedian, "copy_reference_seconds", copyMedian,
                    "copy_reference_rows_per_s", rows / copyMedian, "ratio", copyMedian / importMedian,
                    "file_mb", Files.size(file) >> 20));
            if (!ledgerCopySeconds.isEmpty()) {
                double ledgerMedian = median(ledgerCopySeconds);
                figure.put("ledger_copy_seconds", ledgerMedian);
                figure.put("ledger_copy_rows_per_s", rows / ledgerMedian);
                figure.put("ratio_to_ledger_copy", ledgerMedian / importMedian);
            }
            report.figure("cost-ingest", figure);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(converted);
            Files.deleteIfExists(dir);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
