package io.cloudwarden.cost.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet rows (ADR 27): the upload is spooled to a temporary file (Parquet's footer is at the end), then read
 * one row group at a time with parquet-hadoop's example Group API over a {@link LocalInputFile}, so no Hadoop
 * file system is involved. Nested groups flatten to dotted names; maps (FOCUS Tags) and lists become JSON
 * text (groups inside them JSON objects); decimals, timestamps and dates are rendered as text the converters normalise.
 */
final class ParquetSource implements RecordSource {

    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final List<String> header = new ArrayList<>();
    private RecordReader<Group> rows;
    private long remaining;

    private ParquetSource(Path file) throws IOException {
        this.file = file;
        this.reader = ParquetFileReader.open(new LocalInputFile(file));
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        for (Type t : schema.getFields()) {
            names("", t);
        }
    }

    /** Spools {@code in} to a temporary file, deleted on close. */
    static ParquetSource open(InputStream in) throws IOException {
        Path tmp = Files.createTempFile("cloudwarden-cost-parquet-", ".parquet");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return new ParquetSource(tmp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e instanceof IOException io ? io : new IOException("not a readable Parquet file: " + e.getMessage(), e);
        }
    }

    private void names(String prefix, Type t) {
        if (!t.isPrimitive() && !isMapOrList(t)) {
            for (Type child : t.asGroupType().getFields()) {
                names(prefix + t.getName() + ".", child);
            }
        } else {
            header.add(prefix + t.getName());
        }
    }

    private static boolean isMapOrList(Type t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        return t.isRepetition(Type.Repetition.REPEATED) || a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() throws IOException {
        while (remaining == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            rows = io.getRecordReader(pages, new GroupRecordConverter(schema));
            remaining = pages.getRowCount();
        }
        remaining--;
        Group g = rows.read();
        String[] out = new String[header.size()];
        fill(g, schema, out, new int[] {0});
        return out;
    }

    private static void fill(Group g, GroupType type, String[] out, int[] pos) {
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type t = type.getType(i);
            boolean present = g != null && g.getFieldRepetitionCount(i) > 0;
            if (!t.isPrimitive() && !isMapOrList(t)) {
                fill(present ? g.getGroup(i, 0) : null, t.asGroupType(), out, pos);
            } else {
                out[pos[0]++] = present ? (isMapOrList(t) ? json(g, i, t) : primitive(g, i, 0, t.asPrimitiveType())) : null;
            }
        }
    }

    private static String primitive(Group g, int field, int index, PrimitiveType t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            BigInteger unscaled = switch (t.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(g.getInteger(field, index));
                case INT64 -> BigInteger.valueOf(g.getLong(field, index));
                default -> new BigInteger(g.getBinary(field, index).getBytes());
            };
            return new BigDecimal(unscaled, d.getScale()).toPlainString();
        }
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            long v = g.getLong(field, index);
            Instant instant = switch (ts.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(v);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
            };
            return Values.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(g.getInteger(field, index)).toString();
        }
        return switch (t.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> g.getString(field, index);
            case DOUBLE -> Double.toString(g.getDouble(field, index));
            case FLOAT -> Float.toString(g.getFloat(field, index));
            case INT32 -> Integer.toString(g.getInteger(field, index));
            case INT64 -> Long.toString(g.getLong(field, index));
            case BOOLEAN -> Boolean.toString(g.getBoolean(field, index));
            default -> g.getValueToString(field, index);
        };
    }

    /**
     * A map, list or repeated field as JSON text: maps become objects, lists (LIST-annotated or repeated fields)
     * arrays, groups inside them objects of their fields (GCP {@code labels}: {@code [{"key":..,"value":..}]},
     * {@code credits} with numeric {@code amount}); numbers stay numbers, other values are quoted text.
     */
    private static String json(Group g, int field, Type t) {
        StringBuilder b = new StringBuilder();
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            b.append('[');
            int n = g.getFieldRepetitionCount(field);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(',');
                }
                element(b, g, field, i, t);
            }
            return b.append(']').toString();
        }
        element(b, g, field, 0, t);
        return b.toString();
    }

    private static void element(StringBuilder b, Group g, int field, int index, Type t) {
        if (t.isPrimitive()) {
            PrimitiveType p = t.asPrimitiveType();
            String v = primitive(g, field, index, p);
            if (numeric(p) && !v.equals("NaN") && !v.contains("Infinity")) {
                b.append(v);
            } else {
                quote(b, v);
            }
            return;
        }
        Group child = g.getGroup(field, index);
        GroupType type = t.asGroupType();
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            b.append('{');
            int n = child.getFieldRepetitionCount(0);
            for (int i = 0; i < n; i++) {
                Group kv = child.getGroup(0, i);
                GroupType kvType = kv.getType();
                if (i > 0) {
                    b.append(',');
                }
                quote(b, primitive(kv, 0, 0, kvType.getType(0).asPrimitiveType())).append(':');
                present(b, kv, 1, kvType.getType(1));
            }
            b.append('}');
        } else if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && type.getFieldCount() == 1) {
            Type repeated = type.getType(0);
            boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1;
            b.append('[');
            int n = child.getFieldRepetitionCount(0);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(',');
                }
                if (threeLevel) {
                    present(b, child.getGroup(0, i), 0, repeated.asGroupType().getType(0));
                } else {
                    element(b, child, 0, i, repeated);
                }
            }
            b.append(']');
        } else {
            b.append('{');
            boolean first = true;
            for (int i = 0; i < type.getFieldCount(); i++) {
                if (child.getFieldRepetitionCount(i) == 0) {
                    continue;
                }
                if (!first) {
                    b.append(',');
                }
                first = false;
                Type ft = type.getType(i);
                quote(b, ft.getName()).append(':').append(ft.isRepetition(Type.Repetition.REPEATED) ? json(child, i, ft) : "");
                if (!ft.isRepetition(Type.Repetition.REPEATED)) {
                    element(b, child, i, 0, ft);
                }
            }
            b.append('}');
        }
    }

    private static void present(StringBuilder b, Group g, int field, Type t) {
        if (g.getFieldRepetitionCount(field) == 0) {
            b.append("null");
        } else if (t.isRepetition(Type.Repetition.REPEATED)) {
            b.append(json(g, field, t));
        } else {
            element(b, g, field, 0, t);
        }
    }

    private static boolean numeric(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            return true;
        }
        if (a != null && !(a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation)) {
            return false;
        }
        return switch (p.getPrimitiveTypeName()) {
            case INT32, INT64, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
