package io.cloudwarden.connector.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark generator writes exactly N well-formed FOCUS rows, deterministically, and fast. */
class FocusCostFileGeneratorTest {

    @Test
    void writesExactlyTheRequestedRowsDeterministically() throws IOException {
        for (long n : new long[]{0, 1, 7, 12_345}) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            assertThat(FocusCostFileGenerator.write(a, n, 7)).isEqualTo(n);
            List<FocusFiles.Row> rows = FocusFiles.parse(new ByteArrayInputStream(a.toByteArray()));
            assertThat(rows).hasSize((int) n);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            FocusCostFileGenerator.write(b, n, 7);
            assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
        }
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        FocusCostFileGenerator.write(other, 12_345, 8, "gcp");
        List<FocusFiles.Row> rows = FocusFiles.parse(new ByteArrayInputStream(other.toByteArray()));
        assertThat(rows).hasSize(12_345).anySatisfy(r -> assertThat(r.get("ProviderName")).isEqualTo("Google Cloud"));
        assertThat(rows).extracting(r -> r.get("ChargeCategory")).contains("Usage", "Purchase");
    }

    @Test
    void rejectsBadArguments() {
        OutputStream sink = OutputStream.nullOutputStream();
        assertThatThrownBy(() -> FocusCostFileGenerator.write(sink, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FocusCostFileGenerator.write(sink, 1, 1, "oci")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsThroughput() throws IOException {
        FocusCostFileGenerator.write(OutputStream.nullOutputStream(), 200_000, 1); // warm-up
        long rows = 1_000_000;
        CountingStream out = new CountingStream();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        FocusCostFileGenerator.write(out, rows, 42);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time is the figure to read on a shared machine; it includes the counting stream's byte scan
        System.out.printf("BENCH focus-generator rows=%d seconds=%.2f cpuSeconds=%.2f rowsPerCpuSecond=%.0f bytesPerRow=%d%n",
                rows, seconds, cpu, rows / cpu, out.bytes / rows);
        assertThat(out.lines).isEqualTo(rows + 1);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
