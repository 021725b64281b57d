package io.cloudwarden.shared.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's {@code COPY ... FROM STDIN} text format into a {@link CopyIn}, buffering about a
 * megabyte at a time. Text fields are escaped for the format (backslash, tab, newline, carriage return); NUL
 * characters, which PostgreSQL text cannot hold, become U+FFFD.
 *
 * <p>A {@linkplain #pipelined pipelined} writer hands full buffers to a sender thread, so formatting the next rows
 * overlaps with sending the previous ones (at most a few megabytes in flight); the connection is then used only by
 * the sender until {@link #finish} or {@link #cancel} returns.
 */
public final class CopyTextWriter {

    private static final int FLUSH_AT = 1 << 20;
    private static final byte[] END = new byte[0];

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);
    private boolean firstColumn = true;
    private final BlockingQueue<byte[]> outgoing;
    private final Thread sender;
    private volatile Throwable sendFailure;

    public CopyTextWriter(CopyIn copy) {
        this.copy = copy;
        this.outgoing = null;
        this.sender = null;
    }

    private CopyTextWriter(CopyIn copy, int inFlight) {
        this.copy = copy;
        this.outgoing = new ArrayBlockingQueue<>(inFlight);
        this.sender = new Thread(this::send, "copy-sender");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** A writer whose buffers are sent by a background thread while the caller formats the next rows. */
    public static CopyTextWriter pipelined(CopyIn copy) {
        return new CopyTextWriter(copy, 4);
    }

    private void send() {
        try {
            while (true) {
                byte[] chunk = outgoing.take();
                if (chunk == END) {
                    return;
                }
                if (sendFailure == null) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            sendFailure = e;
            outgoing.clear();
        }
    }

    public CopyTextWriter text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        int n = value.length();
        int clean = 0;
        while (clean < n) {
            char c = value.charAt(clean);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                break;
            }
            clean++;
        }
        if (clean == n) {
            buffer.append(value); // the common case: nothing to escape, one bulk copy
            return this;
        }
        buffer.append(value, 0, clean);
        for (int i = clean; i < n; i++) {
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
        if (sender != null) {
            put(END);
            join();
            rethrow();
        }
        return copy.endCopy();
    }

    /** Abandons the COPY (the collector failed); the transaction is rolled back by the caller. */
    public void cancel() {
        if (sender != null) {
            sender.interrupt();
            join();
        }
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
        buffer.setLength(0);
        if (sender == null) {
            copy.writeToCopy(bytes, 0, bytes.length);
        } else {
            rethrow();
            put(bytes);
        }
    }

    private void put(byte[] chunk) throws SQLException {
        try {
            while (!outgoing.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!sender.isAlive()) {
                    throw new SQLException("the COPY sender stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending COPY data", e);
        }
    }

    private void rethrow() throws SQLException {
        Throwable failure = sendFailure;
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure != null) {
            throw new SQLException("sending COPY data failed: " + failure.getMessage(), failure);
        }
    }

    private void join() {
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
