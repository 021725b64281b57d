package io.cloudwarden.cost.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A stream of source rows: a header, then one {@code String[]} per row in header order. Never buffers the file. */
interface RecordSource extends AutoCloseable {

    List<String> header();

    /** The next row (null at the end of the file); fields beyond the header are dropped, missing ones are null. */
    String[] next() throws IOException;

    @Override
    void close() throws IOException;

    /** CSV (RFC 4180: quoted separators and newlines), UTF-8 with or without BOM, via FastCSV. */
    static RecordSource csv(InputStream in) {
        CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(true).ofCsvRecord(in, StandardCharsets.UTF_8);
        Iterator<CsvRecord> it = reader.iterator();
        List<String> header = it.hasNext() ? it.next().getFields().stream().map(s -> s.replace("\uFEFF", "").strip()).toList()
                : List.of();
        int n = header.size();
        return new RecordSource() {
            @Override
            public List<String> header() {
                return header;
            }

            @Override
            public String[] next() {
                try {
                    if (!it.hasNext()) {
                        return null;
                    }
                    CsvRecord r = it.next();
                    String[] out = new String[n];
                    int c = Math.min(n, r.getFieldCount());
                    for (int i = 0; i < c; i++) {
                        out[i] = r.getField(i);
                    }
                    return out;
                } catch (UncheckedIOException e) {
                    throw e;
                }
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /**
     * JSON lines (one object per line, e.g. a BigQuery billing export): nested objects flatten to dotted keys
     * ({@code service.description}), arrays stay JSON text ({@code credits}). The header is the first object's
     * keys plus {@code extraColumns}.
     */
    static RecordSource jsonLines(InputStream in, Collection<String> extraColumns) throws IOException {
        JsonMapper mapper = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String first = nextLine(lines);
        List<String> header = new ArrayList<>();
        Map<String, String> firstRow = first == null ? Map.of() : flatten(mapper, first);
        header.addAll(firstRow.keySet());
        for (String extra : extraColumns) {
            if (!header.contains(extra)) {
                header.add(extra);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        return new RecordSource() {
            private Map<String, String> pending = first == null ? null : firstRow;

            @Override
            public List<String> header() {
                return header;
            }

            @Override
            public String[] next() throws IOException {
                Map<String, String> row = pending;
                if (row == null) {
                    String line = nextLine(lines);
                    if (line == null) {
                        return null;
                    }
                    row = flatten(mapper, line);
                }
                pending = null;
                String[] out = new String[header.size()];
                row.forEach((k, v) -> {
                    Integer i = index.get(k);
                    if (i != null) {
                        out[i] = v;
                    }
                });
                return out;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    private static String nextLine(BufferedReader r) throws IOException {
        String line;
        do {
            line = r.readLine();
        } while (line != null && line.isBlank());
        return line == null ? null : line.replace("\uFEFF", "");
    }

    private static Map<String, String> flatten(JsonMapper mapper, String line) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Object o = mapper.readValue(line, Object.class);
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("a JSON lines row is not an object");
            }
            flatten(mapper, "", m, out);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        return out;
    }

    private static void flatten(JsonMapper mapper, String prefix, Map<?, ?> m, Map<String, String> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                flatten(mapper, key + ".", nested, out);
            } else if (v instanceof List<?>) {
                out.put(key, mapper.writeValueAsString(v));
            } else {
                out.put(key, v == null ? null : v.toString());
            }
        }
    }
}
