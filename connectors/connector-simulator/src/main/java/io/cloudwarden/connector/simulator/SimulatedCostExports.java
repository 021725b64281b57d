package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;
import io.cloudwarden.connector.spi.CostExportProvider;
import io.cloudwarden.connector.spi.CostExportRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The simulator's cost exports: one gzip FOCUS 1.2 CSV file per day for the 13 billing periods up to the
 * simulation's yesterday, under {@code focus/<billing account>/<account>/<yyyy-MM>/}, plus one
 * {@code anomalies.json} ground-truth file per billing period. Listing computes no content; a file's content is
 * generated when it is opened. Fingerprints hash everything the content depends on, so they are stable across
 * listings and change only when the content would.
 */
final class SimulatedCostExports implements CostExportProvider {

    /** Bump when the generated content changes for the same settings, so fingerprints change with it. */
    static final String GENERATOR_VERSION = "focus-sim-1";
    private static final int RESOURCES_PER_CHUNK = 64;

    private final SimulatorSettings settings;
    private volatile CostCatalog catalog;

    SimulatedCostExports(SimulatorSettings settings) {
        this.settings = settings;
    }

    CostCatalog catalog() {
        CostCatalog c = catalog;
        if (c == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = new CostCatalog(settings);
                }
                c = catalog;
            }
        }
        return c;
    }

    /** First day with cost data: the first day of the billing period 12 months before yesterday's. */
    LocalDate firstDay() {
        return lastDay().withDayOfMonth(1).minusMonths(12);
    }

    /** Yesterday of the simulation: the last day with cost data. */
    LocalDate lastDay() {
        return settings.costToday().minusDays(1);
    }

    @Override
    public List<CostExportFile> listExports(CostExportRequest request) {
        String billing = settings.billingAccountId() != null ? settings.billingAccountId()
                : CostAccount.derivedBillingAccount(settings.cloud(), settings.seed());
        String prefix = "focus/" + billing + "/" + settings.accountId() + "/";
        YearMonth open = YearMonth.from(settings.costToday());
        List<CostExportFile> files = new ArrayList<>();
        for (YearMonth month = YearMonth.from(firstDay()); !month.isAfter(YearMonth.from(lastDay())); month = month.plusMonths(1)) {
            if (!request.covers(month)) {
                continue;
            }
            boolean invoiced = month.isBefore(open);
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && !d.isAfter(lastDay()); d = d.plusDays(1)) {
                LocalDate date = d;
                add(files, request, new CostExportFile(prefix + month + "/focus-" + date + ".csv.gz", billing, month,
                        CostExportFormat.FOCUS_1_2, "gzip", -1, fingerprint("day", date, invoiced),
                        () -> openDay(date, invoiced)));
            }
            YearMonth period = month;
            add(files, request, new CostExportFile(prefix + month + "/anomalies.json", billing, month,
                    CostExportFormat.SIMULATOR_ANOMALY_LABELS, "none", -1, fingerprint("anomalies", month.atDay(1), false),
                    () -> new ByteArrayInputStream(anomaliesJson(period).getBytes(StandardCharsets.UTF_8))));
        }
        return List.copyOf(files);
    }

    private static void add(List<CostExportFile> files, CostExportRequest request, CostExportFile file) {
        if (!request.alreadySeen(file.key(), file.fingerprint())) {
            files.add(file);
        }
    }

    private String fingerprint(String kind, LocalDate date, boolean invoiced) {
        String input = String.join("|", GENERATOR_VERSION, kind, settings.cloud().wireName(), settings.accountId(),
                String.valueOf(settings.billingAccountId()), Long.toString(settings.seed()),
                Long.toString(settings.resources()), String.join(",", settings.regions()),
                Integer.toString(settings.costRowsPerDay()), date.toString(), Boolean.toString(invoiced));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private InputStream openDay(LocalDate date, boolean invoiced) throws IOException {
        CostDay day = new CostDay(catalog(), date, invoiced, true);
        boolean[] headerWritten = {false};
        FocusCsvWriter[] writer = {null};
        return new GeneratedInputStream(out -> {
            if (writer[0] == null) {
                writer[0] = new FocusCsvWriter(out);
            }
            if (!headerWritten[0]) {
                writer[0].header();
                headerWritten[0] = true;
            }
            boolean more = true;
            for (int i = 0; i < RESOURCES_PER_CHUNK && more; i++) {
                more = day.writeNext(writer[0]);
            }
            writer[0].flushBuffer();
            return more;
        }, true);
    }

    /** Writes the uncompressed CSV of one day, for tests: with or without the injected anomalies. */
    void writeDay(OutputStream out, LocalDate date, boolean withAnomalies) throws IOException {
        CostDay day = new CostDay(catalog(), date, date.isBefore(settings.costToday().withDayOfMonth(1)), withAnomalies);
        FocusCsvWriter writer = new FocusCsvWriter(out);
        writer.header();
        while (day.writeNext(writer)) {
            // one resource at a time
        }
        writer.flushBuffer();
    }

    /** The anomalies starting in {@code month}, as the JSON of the sidecar file. */
    String anomaliesJson(YearMonth month) {
        StringBuilder json = new StringBuilder("{\"format\":\"").append(CostExportFormat.SIMULATOR_ANOMALY_LABELS)
                .append("\",\"billingPeriod\":\"").append(month).append("\",\"anomalies\":[");
        boolean first = true;
        for (CostAnomaly a : anomalies()) {
            if (YearMonth.from(a.startDay()).equals(month)) {
                json.append(first ? "" : ",").append(a.toJson());
                first = false;
            }
        }
        return json.append("]}").toString();
    }

    /** The injected anomalies within the exported days (clipped to them). */
    List<CostAnomaly> anomalies() {
        return catalog().groundTruth(firstDay(), lastDay());
    }
}
