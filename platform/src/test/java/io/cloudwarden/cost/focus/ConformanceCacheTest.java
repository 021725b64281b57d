package io.cloudwarden.cost.focus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.connector.simulator.FocusCostFileGenerator;
import io.cloudwarden.cost.ingest.CostFileReader;
import io.cloudwarden.cost.ingest.CostRowSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A session caches, per combination of values of the columns they read, the results of rules that read only
 * low-cardinality text columns. The cache must never change a report: every real file is checked with and without it,
 * with no provider capabilities declared and with the simulator's, and the reports must be identical.
 */
class ConformanceCacheTest {

    private static final FocusConformanceChecker CHECKER = new FocusConformanceChecker();

    @Test
    void theResultCacheNeverChangesAReport() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(FocusConformanceCheckerTest.dataPath("focus-sample-data").getParent())) {
            files = all.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        ByteArrayOutputStream simulated = new ByteArrayOutputStream();
        FocusCostFileGenerator.write(simulated, 30_000, 11);
        int compared = 0;
        for (Set<String> capabilities : List.of(Set.<String>of(), io.cloudwarden.cost.web.FocusExportApiTest.SIMULATOR_CAPABILITIES)) {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                compared += compare(file.getFileName().toString(), bytes, capabilities) ? 1 : 0;
            }
            assertThat(compare("simulated.csv", simulated.toByteArray(), capabilities)).isTrue();
        }
        assertThat(compared).as("files that are cost exports").isGreaterThan(20);
    }

    /** Checks the file with and without the cache; false when it is not a cost export at all. */
    private static boolean compare(String name, byte[] bytes, Set<String> capabilities) throws Exception {
        List<FocusRow> rows = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            new CostFileReader().read(in, name, new CostRowSink() {
                @Override
                public void accept(FocusRow row) {
                    rows.add(row);
                }

                @Override
                public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
                }
            });
        } catch (RuntimeException e) {
            return false; // refused: not a cost export
        }
        FocusConformanceChecker.Session cached = CHECKER.begin(capabilities, true);
        FocusConformanceChecker.Session plain = CHECKER.begin(capabilities, false);
        rows.forEach(cached::check);
        rows.forEach(plain::check);
        assertThat(cached.finish()).as(name + " " + capabilities).isEqualTo(plain.finish());
        return !rows.isEmpty();
    }
}
