package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.CostExportFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helper: the raw bytes of a cost file. */
final class FocusCostFiles {

    private FocusCostFiles() {
    }

    static byte[] bytes(CostExportFile file) {
        try (InputStream in = file.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
