package io.cloudwarden.connector.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An {@link InputStream} over content generated on demand: each time the reader runs dry, the producer writes the
 * next chunk (through gzip when asked), so a file of any size streams in bounded memory.
 */
final class GeneratedInputStream extends InputStream {

    /** Writes the next chunk of content; returns false when there is nothing more. */
    @FunctionalInterface
    interface Producer {
        boolean produce(OutputStream out) throws IOException;
    }

    private final Producer producer;
    private final Pending pending = new Pending();
    private final OutputStream target;
    private boolean finished;

    GeneratedInputStream(Producer producer, boolean gzip) throws IOException {
        this.producer = producer;
        this.target = gzip ? new GZIPOutputStream(pending, 1 << 16) : pending;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pending.available() == 0) {
            if (finished) {
                return -1;
            }
            if (!producer.produce(target)) {
                target.close();
                finished = true;
            }
        }
        return pending.drain(b, off, len);
    }

    /** Bytes written by the producer and not read yet. */
    private static final class Pending extends OutputStream {
        private byte[] bytes = new byte[1 << 16];
        private int start;
        private int end;

        int available() {
            return end - start;
        }

        int drain(byte[] b, int off, int len) {
            int n = Math.min(len, end - start);
            System.arraycopy(bytes, start, b, off, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return n;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (end + len > bytes.length) {
                if (end - start + len <= bytes.length) {
                    System.arraycopy(bytes, start, bytes, 0, end - start);
                } else {
                    byte[] grown = new byte[Math.max(bytes.length * 2, end - start + len)];
                    System.arraycopy(bytes, start, grown, 0, end - start);
                    bytes = grown;
                }
                end -= start;
                start = 0;
            }
            System.arraycopy(b, off, bytes, end, len);
            end += len;
        }
    }
}
