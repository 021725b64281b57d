package io.cloudwarden.connector.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link FocusLine}s as RFC 4180 CSV into an {@link OutputStream} through its own byte buffer. Text values
 * are encoded (and quoted where needed) once, when templates are built; decimals are formatted by hand from nanos,
 * so a row costs a few dozen array copies: the benchmark generator needs well over half a million rows a second.
 */
final class FocusCsvWriter {

    private static final long NANOS = 1_000_000_000L;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private long rows;
    private long limit = Long.MAX_VALUE;
    private static final int CACHED = 8;
    private final byte[] scratch = new byte[24];
    private final long[] cacheValue = new long[CACHED];
    private final byte[][] cacheBytes = new byte[CACHED][24];
    private final int[] cacheLength = new int[CACHED];
    private int cacheNext;

    FocusCsvWriter(OutputStream out) {
        this.out = out;
    }

    /** A CSV field for {@code value}: quoted (with doubled quotes) when it holds a comma, quote or line break. */
    static byte[] field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        String text = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void header() throws IOException {
        write(FocusLine.HEADER.getBytes(StandardCharsets.US_ASCII));
    }

    /** Drops every row after the first {@code maxRows}, so a generator can stop at an exact row count. */
    void limit(long maxRows) {
        this.limit = maxRows;
    }

    void write(FocusLine line) throws IOException {
        if (rows >= limit) {
            return;
        }
        for (int c = 0; c < FocusLine.COLUMNS.length; c++) {
            if (position > buffer.length - 64) {
                flushBuffer();
            }
            if (c > 0) {
                put((byte) ',');
            }
            if (FocusLine.DECIMAL[c]) {
                long n = line.number[c];
                if (n != FocusLine.NULL) {
                    decimal(n);
                } else if (line.text[c] != null) {
                    write(line.text[c]);
                }
            } else {
                byte[] t = line.text[c];
                if (t != null) {
                    write(t);
                }
            }
        }
        put((byte) '\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    /**
     * Writes {@code nanos / 1e9} as a plain decimal without trailing zeros, e.g. {@code -12.5} or {@code 0}. Costs,
     * unit prices and quantities repeat within and across rows, so the last few formatted values are kept.
     */
    private void decimal(long nanos) {
        for (int i = 0; i < CACHED; i++) {
            if (cacheValue[i] == nanos && cacheLength[i] > 0) {
                System.arraycopy(cacheBytes[i], 0, buffer, position, cacheLength[i]);
                position += cacheLength[i];
                return;
            }
        }
        byte[] s = scratch;
        int p = s.length;
        long abs = nanos < 0 ? -nanos : nanos;
        long whole = abs / NANOS;
        long fraction = abs % NANOS;
        if (fraction != 0) {
            int width = 9;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            for (int k = 0; k < width; k++) {
                s[--p] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            s[--p] = '.';
        }
        do {
            s[--p] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        if (nanos < 0) {
            s[--p] = '-';
        }
        int length = s.length - p;
        System.arraycopy(s, p, buffer, position, length);
        position += length;
        int slot = cacheNext;
        cacheNext = (cacheNext + 1) % CACHED;
        cacheValue[slot] = nanos;
        cacheLength[slot] = length;
        System.arraycopy(s, p, cacheBytes[slot], 0, length);
    }

    private void put(byte b) {
        buffer[position++] = b;
    }

    private void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position - 64) {
            flushBuffer();
            if (bytes.length > buffer.length - 64) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** Hands the buffered bytes to the stream (without flushing the stream itself). */
    void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }
}
