package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Reads one cost export (CSV, gzip CSV, JSON lines or Parquet), detects its format from the header, converts every
 * row to FOCUS 1.2 and hands it to a {@link CostRowSink}, quarantining rows it cannot convert, and
 * reconciles the file's native cost total against the accepted BilledCost. Streams: memory use does not
 * grow with the file. Thread-safe; rule tables are loaded once per format.
 */
@Component
public final class CostFileReader {

    /** The ledger's NOT NULL columns (db/migration/cost/V6_0__cost_ledger.sql): rows lacking one are quarantined. */
    static final FocusColumn[] REQUIRED = {FocusColumn.CHARGE_PERIOD_START, FocusColumn.CHARGE_PERIOD_END,
            FocusColumn.BILLING_PERIOD_START, FocusColumn.BILLING_PERIOD_END, FocusColumn.BILLING_ACCOUNT_ID,
            FocusColumn.BILLING_CURRENCY, FocusColumn.BILLED_COST};

    private final Map<CostFormat, RuleTable> rules = new ConcurrentHashMap<>();
    private final MappingData data = MappingData.load();

    /**
     * Reads {@code in} to the end (the caller closes it).
     *
     * @throws CostFileRefusedException when the file is not a cost export or cannot be read
     */
    public CostReadResult read(InputStream in, String fileName, CostRowSink sink) {
        try {
            return readSniffed(new BufferedInputStream(in, 1 << 16), fileName, sink, 0);
        } catch (IOException | UncheckedIOException e) {
            throw new CostFileRefusedException(CostErrorCode.COST_FILE_UNREADABLE,
                    "'" + fileName + "' could not be read: " + e.getMessage());
        }
    }

    private CostReadResult readSniffed(BufferedInputStream in, String fileName, CostRowSink sink, int depth)
            throws IOException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        if (head.length == 0) {
            throw new CostFileRefusedException(CostErrorCode.COST_FILE_EMPTY, "'" + fileName + "' is empty");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b && depth == 0) {
            return readSniffed(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16), fileName, sink, 1);
        }
        boolean parquet = head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
        if (!parquet && looksBinary(head)) {
            throw new CostFileRefusedException(CostErrorCode.COST_FILE_NOT_RECOGNISED, "'" + fileName
                    + "' is a binary file, not a cost export: expected CSV, gzip CSV, JSON lines or Parquet");
        }
        char first = firstText(head);
        if (first == '[') {
            throw new CostFileRefusedException(CostErrorCode.COST_FILE_NOT_RECOGNISED, "'" + fileName
                    + "' is a JSON array; cost exports are read as JSON lines (one object per line), CSV or Parquet");
        }
        try (RecordSource source = parquet ? ParquetSource.open(in)
                : first == '{' ? RecordSource.jsonLines(in, data.gcpColumns()) : RecordSource.csv(in)) {
            if (source.header().isEmpty()) {
                throw new CostFileRefusedException(CostErrorCode.COST_FILE_EMPTY, "'" + fileName + "' has no header row");
            }
            FormatDetector.Detection detection = FormatDetector.detect(source.header(), fileName);
            return convert(source, detection, sink);
        } catch (IllegalArgumentException e) {
            throw new CostFileRefusedException(CostErrorCode.COST_FILE_UNREADABLE,
                    "'" + fileName + "' could not be read: " + e.getMessage());
        }
    }

    private CostReadResult convert(RecordSource source, FormatDetector.Detection detection, CostRowSink sink)
            throws IOException {
        CostFormat format = detection.format();
        List<String> header = format.isFocus() ? source.header() : data.canonicalHeader(format, source.header());
        Reconciliation rec = new Reconciliation(data.reconciliationColumns(format, header));
        List<String> notes = new ArrayList<>();
        RowConverter converter;
        if (format.isFocus()) {
            FocusPassThrough pass = new FocusPassThrough(header, data.aliases("focus"));
            if (!pass.ignored().isEmpty()) {
                notes.add("columns that are not FOCUS columns and were not carried: " + String.join(", ", pass.ignored()));
            }
            converter = pass::convert;
        } else {
            RuleConverter rc = new RuleConverter(rules.computeIfAbsent(format, RuleTable::load), header);
            converter = rc::convert;
        }
        TagColumns tags = TagColumns.of(format, header);
        long rowNumber = 0;
        String[] fields;
        while ((fields = source.next()) != null) {
            rowNumber++;
            FocusRow row = new FocusRow(rowNumber);
            String reason;
            try {
                converter.convert(fields, row);
                if (tags != null) {
                    tags.fold(fields, row);
                }
                reason = missingRequired(row);
            } catch (RowRejected e) {
                reason = e.getMessage();
            }
            if (reason == null) {
                rec.accepted(fields, row);
                sink.accept(row);
            } else {
                rec.quarantined(fields, rowNumber);
                sink.quarantine(rowNumber, reason, raw(header, fields));
            }
        }
        notes.addAll(0, rec.notes());
        if (tags != null) {
            notes.addAll(tags.notes());
        }
        return rec.result(format, detection.because(), rowNumber, notes);
    }

    private static String missingRequired(FocusRow row) {
        List<String> missing = null;
        for (FocusColumn c : REQUIRED) {
            if (row.get(c) == null) {
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                missing.add(c.id());
            }
        }
        return missing == null ? null : "missing required " + String.join(", ", missing);
    }

    private static Map<String, String> raw(List<String> header, String[] fields) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (fields[i] != null && !fields[i].isEmpty()) {
                raw.put(header.get(i), fields[i]);
            }
        }
        return raw;
    }

    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0d && c < 0x20)) {
                control++;
            }
        }
        return control > head.length / 20;
    }

    private static char firstText(byte[] head) {
        String s = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return s.isEmpty() ? ' ' : s.charAt(0);
    }

    @FunctionalInterface
    private interface RowConverter {
        void convert(String[] fields, FocusRow out) throws RowRejected;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
