package io.cloudwarden.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

class CopyTextWriterTest {

    /** Collects what would be sent to PostgreSQL. */
    static final class Captured implements CopyIn {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean active = true;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            bytes.write(buf, off, siz);
        }

        @Override
        public void writeToCopy(org.postgresql.util.ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            active = false;
            return bytes.toString(StandardCharsets.UTF_8).lines().count();
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void escapesWhatTheTextFormatReservesAndCopiesTheRestAsIs() throws SQLException {
        for (boolean pipelined : new boolean[] {false, true}) {
            Captured copy = new Captured();
            CopyTextWriter out = pipelined ? CopyTextWriter.pipelined(copy) : new CopyTextWriter(copy);
            out.text("plain").text(null).text("tab\there").text("back\\slash\nnew\rline").text("nul\0").text("é€").number(42);
            out.endRow();
            out.text("").text("x");
            out.endRow();

            assertThat(out.finish()).isEqualTo(2);
            assertThat(copy.text()).isEqualTo("plain\t\\N\ttab\\there\tback\\\\slash\\nnew\\rline\tnul\uFFFD\té€\t42\n\tx\n");
        }
    }
}
