package io.cloudwarden.evidence.verify;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads {@code \n}-terminated lines as slices of one growing buffer, without decoding or copying them. */
final class LineReader implements Closeable {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private int lineOffset;
    private int lineLength;
    private boolean terminated;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; {@code false} at the end of the stream. A last line without {@code \n} counts. */
    boolean next() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buf[i] == '\n') {
                    lineOffset = start;
                    lineLength = i - start;
                    terminated = true;
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start < end) {
                    lineOffset = start;
                    lineLength = end - start;
                    terminated = false;
                    start = end;
                    return true;
                }
                return false;
            }
            scanFrom = end - start;
            fill();
        }
    }

    byte[] buffer() {
        return buf;
    }

    int offset() {
        return lineOffset;
    }

    int length() {
        return lineLength;
    }

    boolean terminated() {
        return terminated;
    }

    /** Moves the unread bytes to the front (growing the buffer for long lines) and reads more. */
    private void fill() throws IOException {
        int pending = end - start;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, pending);
        } else if (pending == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        start = 0;
        end = pending;
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
