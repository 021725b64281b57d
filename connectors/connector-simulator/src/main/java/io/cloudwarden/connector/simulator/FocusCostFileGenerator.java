package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectorConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes a FOCUS 1.2 CSV of exactly N rows, for benchmarks (e.g. {@code cloudwarden bench cost-ingest}). The rows
 * are the simulator's own: one synthetic account sized so that its 13 months of daily rows hold N rows, written
 * day after day (continuing past the 13 months if needed), so the value distribution is the one the simulator's
 * cost files have: usage, commitments, marketplace, credits, refunds and taxes, with seasonality and growth.
 * Nothing is buffered beyond one output buffer; well over half a million rows a second on one core.
 */
public final class FocusCostFileGenerator {

    private static final int DAYS = 396;
    private static final Map<String, String> ACCOUNTS = Map.of("aws", "210987654321",
            "azure", "5a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "gcp", "bench-costs-1");

    private FocusCostFileGenerator() {
    }

    /** {@link #write(OutputStream, long, long, String)} for a simulated AWS account. */
    public static long write(OutputStream out, long rows, long seed) throws IOException {
        return write(out, rows, seed, "aws");
    }

    /**
     * Writes a header and exactly {@code rows} data rows of uncompressed FOCUS 1.2 CSV to {@code out} (which is
     * not closed or flushed beyond the rows written). Deterministic for the same arguments.
     *
     * @param provider {@code aws}, {@code azure} or {@code gcp}
     * @return the number of data rows written, always {@code rows}
     */
    public static long write(OutputStream out, long rows, long seed, String provider) throws IOException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        if (seed < 0 || seed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("seed must be between 0 and " + Integer.MAX_VALUE);
        }
        String account = ACCOUNTS.get(provider);
        if (account == null) {
            throw new IllegalArgumentException("provider must be aws, azure or gcp");
        }
        long perDay = Math.max(10, Math.min(1_000_000, rows / DAYS + 10));
        long resources = Math.max(500, perDay * 4);
        SimulatorConnectorFactory factory = new SimulatorConnectorFactory();
        SimulatorSettings settings = SimulatorSettings.from(ConnectorConfig.of(Map.of(
                SimulatorConnectorFactory.PROVIDER, provider, SimulatorConnectorFactory.ACCOUNT_ID, account,
                SimulatorConnectorFactory.RESOURCES, Long.toString(resources),
                SimulatorConnectorFactory.SEED, Long.toString(seed),
                SimulatorConnectorFactory.COST_ROWS_PER_DAY, Long.toString(perDay),
                SimulatorConnectorFactory.ACCESS_SECRET, "benchmark"), factory.configProperties()));
        SimulatedCostExports exports = new SimulatedCostExports(settings);
        CostCatalog catalog = exports.catalog();
        FocusCsvWriter writer = new FocusCsvWriter(out);
        writer.limit(rows);
        writer.header();
        LocalDate today = settings.costToday();
        for (LocalDate date = exports.firstDay(); writer.rows() < rows; date = date.plusDays(1)) {
            CostDay day = new CostDay(catalog, date, date.isBefore(today.withDayOfMonth(1)), true);
            while (day.writeNext(writer) && writer.rows() < rows) {
                // one resource at a time
            }
        }
        writer.flushBuffer();
        return writer.rows();
    }
}
