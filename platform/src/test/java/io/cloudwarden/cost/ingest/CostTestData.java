package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.focus.FocusRow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test support: the third-party cost fixtures (copied from {@code ../shared/data} into the test resources; see
 * {@code cost-data/README.md} for sources and licences), a collecting sink, and an independent
 * minimal CSV reader for summing totals without the production code path.
 */
public final class CostTestData {

    private CostTestData() {
    }

    /** A fixture under src/test/resources/cost-data (copied from ../shared/data; see the README there). */
    public static Path path(String relative) {
        URL url = CostTestData.class.getResource("/cost-data/" + relative);
        if (url == null) {
            throw new IllegalStateException("test fixture cost-data/" + relative + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects accepted rows and quarantines. */
    static final class Collecting implements CostRowSink {
        final List<FocusRow> rows = new ArrayList<>();
        final List<String> quarantined = new ArrayList<>();
        final List<Long> quarantinedRows = new ArrayList<>();
        final List<Map<String, String>> raws = new ArrayList<>();

        @Override
        public void accept(FocusRow row) {
            rows.add(row);
        }

        @Override
        public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
            quarantinedRows.add(sourceRow);
            quarantined.add(sourceRow + ": " + reason);
            raws.add(raw);
        }
    }

    static CostReadResult read(Path file, Collecting sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new CostFileReader().read(in, file.getFileName().toString(), sink);
        }
    }

    static CostReadResult read(String text, String name, Collecting sink) {
        return new CostFileReader().read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, sink);
    }

    /** An independent RFC 4180 reader (quotes, doubled quotes, quoted newlines); the whole file in memory. */
    static List<List<String>> parseCsv(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Sums column {@code cost} (first non-empty of the names) per column {@code currency}, independently. */
    static Map<String, BigDecimal> sumBy(Path file, List<String> costColumns, String currencyColumn) throws IOException {
        List<List<String>> rows = parseCsv(file);
        List<String> header = rows.get(0).stream().map(String::strip).map(h -> h.toLowerCase()).toList();
        int cur = header.indexOf(currencyColumn.toLowerCase());
        Map<String, BigDecimal> out = new TreeMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            String cost = null;
            for (String c : costColumns) {
                int i = header.indexOf(c.toLowerCase());
                if (i >= 0 && i < r.size() && !r.get(i).isBlank() && !r.get(i).equals("NULL")) {
                    cost = r.get(i);
                    break;
                }
            }
            String currency = cur >= 0 && cur < r.size() && !r.get(cur).isBlank() ? r.get(cur) : "(none)";
            out.merge(currency, cost == null ? BigDecimal.ZERO : new BigDecimal(cost.strip()), BigDecimal::add);
        }
        return out;
    }
}
