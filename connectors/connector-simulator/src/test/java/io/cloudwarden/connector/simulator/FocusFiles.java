package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;
import io.cloudwarden.connector.spi.CostExportRequest;
import io.cloudwarden.connector.testkit.CsvRecords;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Test helpers: a simulator's cost files listed and parsed back into rows. */
final class FocusFiles {

    private FocusFiles() {
    }

    /** One parsed FOCUS row: column id to value, blank as null. */
    record Row(Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }

        BigDecimal cost(String column) {
            String v = values.get(column);
            return v == null ? BigDecimal.ZERO : new BigDecimal(v);
        }
    }

    static Map<String, String> config(String provider, long resources, Map<String, String> extra) {
        Map<String, String> raw = new HashMap<>(SimulatorThroughputTest.config(provider, resources));
        raw.putAll(extra);
        return raw;
    }

    static List<CostExportFile> list(Map<String, String> raw) {
        SimulatorConnectorFactory factory = new SimulatorConnectorFactory();
        try (var connector = factory.create(ConnectorConfig.of(raw, factory.configProperties()),
                new ConnectorContext("test", Clock.systemUTC()))) {
            return connector.costs().listExports(CostExportRequest.everything());
        }
    }

    static List<CostExportFile> focus(List<CostExportFile> files) {
        return files.stream().filter(f -> f.format().equals(CostExportFormat.FOCUS_1_2)).toList();
    }

    static List<Row> rows(CostExportFile file) {
        try (InputStream in = new GZIPInputStream(file.open())) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> rows(List<CostExportFile> files) {
        List<Row> all = new ArrayList<>();
        files.forEach(f -> all.addAll(rows(f)));
        return all;
    }

    /** The rows of one day written by the generator directly, with or without injected anomalies. */
    static List<Row> day(Map<String, String> raw, LocalDate date, boolean withAnomalies) {
        SimulatorConnectorFactory factory = new SimulatorConnectorFactory();
        SimulatedCostExports exports = new SimulatedCostExports(
                SimulatorSettings.from(ConnectorConfig.of(raw, factory.configProperties())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exports.writeDay(out, date, withAnomalies);
            return parse(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(CostExportFile file) {
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(InputStream in) throws IOException {
        CsvRecords csv = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = csv.next();
        List<Row> rows = new ArrayList<>();
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!r.get(i).isEmpty()) {
                    values.put(header.get(i), r.get(i));
                }
            }
            rows.add(new Row(values));
        }
        return rows;
    }
}
