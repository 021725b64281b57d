package io.cloudwarden.cli.bench;

import io.cloudwarden.connector.simulator.FocusCostFileGenerator;
import io.cloudwarden.cost.imports.CostImport;
import io.cloudwarden.cost.imports.CostImports;
import io.cloudwarden.cost.ledger.CostCopyReference;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
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
 * (parse, convert, FOCUS conformance check, allocation, COPY into the ledger, rollups, period bookkeeping), each
 * iteration into a tenant of its own, against the physical references measured in the same run: a raw {@code COPY} of
 * the same rows, already converted, into an unindexed temporary table shaped like the ledger, and into the ledger
 * itself (rolled back). A last import of the same file replaces every period it wrote and is reported on its own.
 */
@Component
@Profile("bench")
class CostIngestBench implements Benchmark {

    static final long DEFAULT_ROWS = 1_000_000;

    private final CostImports imports;
    private final CostCopyReference ledger;
    private final BenchTenant tenant;
    private final IdentityManagement identity;

    CostIngestBench(CostImports imports, CostCopyReference ledger, BenchTenant tenant, IdentityManagement identity) {
        this.identity = identity;
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
            TenantId into = tenant.tenant();
            for (int i = 0; i < iterations; i++) {
                // each measured import is a first ingest: into a tenant of its own (a re-ingest is measured after)
                if (i > 0) {
                    into = identity.createTenant("bench-cost-" + i + "-" + UUID.randomUUID().toString().substring(0, 8), "CUSTOMER", null).id();
                }
                Imported imported = importOnce(into, file, rows);
                UUID id = imported.id();
                importSeconds.add(imported.seconds());
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
            // the same file again into the last tenant: every billing period is replaced (its 'rows' old rows deleted)
            double reingest = importOnce(into, file, rows).seconds();
            report.progress(String.format(Locale.ROOT, "re-import replacing every period: %.1f s (%,.0f rows/s)", reingest, rows / reingest));
            double importMedian = median(importSeconds);
            double copyMedian = median(copySeconds);
            Map<String, Object> figure = new java.util.LinkedHashMap<>(Map.of("rows", rows, "iterations", iterations,
                    "seconds", importMedian, "rows_per_s", rows / importMedian, "copy_reference_seconds", copyMedian,
                    "copy_reference_rows_per_s", rows / copyMedian, "ratio", copyMedian / importMedian,
                    "file_mb", Files.size(file) >> 20));
            figure.put("reingest_seconds", reingest);
            figure.put("reingest_rows_per_s", rows / reingest);
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

    private record Imported(UUID id, double seconds) {
    }

    /** Imports {@code file} into {@code into} end to end. */
    private Imported importOnce(TenantId into, Path file, long rows) throws java.io.IOException {
        long size = Files.size(file);
        UUID id = TenantContext.callAs(into, () -> imports.register(CostImport.Source.CLI, file.getFileName().toString(), null, size,
                null, "bench"));
        long t = System.nanoTime();
        CostImport done = imports.run(into, id, List.of(new CostImports.ImportFile(file.getFileName().toString(), size,
                () -> Files.newInputStream(file))));
        double took = seconds(t);
        if (!"SUCCEEDED".equals(done.status()) || done.rowsAccepted() != rows) {
            throw new IllegalStateException("the import ended " + done.status() + " with " + done.rowsAccepted() + " of " + rows
                    + " rows: " + done.error());
        }
        return new Imported(id, took);
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
