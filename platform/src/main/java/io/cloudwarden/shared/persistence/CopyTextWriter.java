package io.cloudwarden.shared.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's {@code COPY ... FROM STDIN} text format into a {@link CopyIn}, buffering about a
 * megabyte at a time. Text fields are escaped for the format (backslash, tab, newline, carriage return); NUL
 * characters, which PostgreSQL text cannot hold, become U+FFFD.
 */
public final class CopyTextWriter {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);
    private boolean firstColumn = true;

    public CopyTextWriter(CopyIn copy) {
        this.copy = copy;
    }

    public CopyTextWriter text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\0' -> buffer.append('\uFFFD');
                default -> buffer.append(c);
            }
        }
        return this;
    }

    public CopyTextWriter number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        firstColumn = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and completes the COPY; returns the rows PostgreSQL accepted. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY (the collector failed); the transaction is rolled back by the caller. */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is rolled back or discarded next; nothing more to do here
        }
    }

    private void separate() {
        if (!firstColumn) {
            buffer.append('\t');
        }
        firstColumn = false;
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
