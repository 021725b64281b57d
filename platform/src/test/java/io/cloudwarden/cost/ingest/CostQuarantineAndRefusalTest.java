package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.focus.FocusColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Malformed rows are quarantined with their row numbers; files that are not cost exports are refused. */
class CostQuarantineAndRefusalTest {

    private static final String HEADER = "BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,"
            + "ChargePeriodStart,ChargePeriodEnd,BilledCost,ChargeCategory,Tags\n";

    @Test
    void malformedRowsAreQuarantinedWithRowNumbersReasonsAndRawValuesAndTheDifferenceIsExplained() {
        String csv = "\uFEFF" + HEADER
                + "A1,USD,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,1.50,Usage,\"{\"\"team\"\":\"\"a,\n b\"\"}\"\n"
                + "A1,USD,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,yesterday,2024-09-02T00:00:00Z,2.00,Usage,\n"
                + "A1,USD,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,abc,Usage,\n"
                + ",USD,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,4.00,Usage,\n"
                + "A1,EUR,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,5,Usage,\n";
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(csv, "focus.csv", sink);

        assertThat(r.format()).isEqualTo(CostFormat.FOCUS_1_0);
        assertThat(r.rowsRead()).isEqualTo(5);
        assertThat(r.rowsAccepted()).isEqualTo(2);
        assertThat(sink.quarantinedRows).containsExactly(2L, 3L, 4L);
        assertThat(sink.quarantined.get(0)).contains("ChargePeriodStart").contains("not a datetime: 'yesterday'");
        assertThat(sink.quarantined.get(1)).contains("BilledCost").contains("not a decimal number: 'abc'");
        assertThat(sink.quarantined.get(2)).contains("missing required BillingAccountId");
        assertThat(sink.raws.get(0)).containsEntry("ChargePeriodStart", "yesterday").containsEntry("BilledCost", "2.00");
        // quoted newline kept inside the field of row 1 (Tags is re-written as JSON, so the newline is escaped)
        assertThat(sink.rows.get(0).get(FocusColumn.TAGS)).isEqualTo("{\"team\":\"a,\\n b\"}");
        // USD: source 1.50 + 2.00 + 4.00 (abc is not a number); accepted 1.50; quarantined rows 2 and 4 carry 6.00
        assertThat(r.sourceTotalsByCurrency().get("USD")).isEqualByComparingTo("7.50");
        assertThat(r.acceptedTotalsByCurrency().get("USD")).isEqualByComparingTo("1.50");
        assertThat(r.reconciled()).isTrue();
        assertThat(r.reconciliationNotes()).anySatisfy(n -> assertThat(n)
                .startsWith("USD: source 7.50, accepted BilledCost 1.50, difference 6.00 is the native cost of quarantined rows 2, 3, 4"));
        assertThat(r.reconciliationNotes()).anySatisfy(n -> assertThat(n).contains("not a number").contains("3"));
        assertThat(r.reconciliationNotes()).anySatisfy(n -> assertThat(n).startsWith("EUR: source 5, accepted BilledCost 5, equal"));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws Exception {
        String csv = HEADER + "A1,USD,2024-09-01,2024-10-01,2024-09-01 00:00:00,2024-09-02 00:00:00,1,Usage,\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = new CostFileReader().read(new ByteArrayInputStream(bytes.toByteArray()), "export.bin", sink);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(sink.rows.get(0).get(FocusColumn.BILLING_PERIOD_START)).isEqualTo("2024-09-01T00:00:00Z");
    }

    @Test
    void anInventoryCsvIsRefusedNamingWhatWasExpected() {
        assertThatThrownBy(() -> CostTestData.read("provider,nativeId,type,region\naws,i-1,ec2,us-east-1\n", "inventory.csv",
                new CostTestData.Collecting()))
                .isInstanceOf(CostFileRefusedException.class)
                .hasMessageContaining("'inventory.csv' is not a cost export")
                .hasMessageContaining("provider, nativeId, type, region")
                .hasMessageContaining("Expected FOCUS")
                .satisfies(e -> assertThat(((CostFileRefusedException) e).errorCode()).isEqualTo(CostErrorCode.COST_FILE_NOT_RECOGNISED));
    }

    @Test
    void aPngRandomTextAnEmptyFileAndAnOciUsageReportAreRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> new CostFileReader().read(new ByteArrayInputStream(png), "logo.png", new CostTestData.Collecting()))
                .isInstanceOf(CostFileRefusedException.class).hasMessageContaining("binary file");
        assertThatThrownBy(() -> CostTestData.read("Lorem ipsum dolor sit amet\nconsectetur adipiscing\n", "notes.txt",
                new CostTestData.Collecting()))
                .isInstanceOf(CostFileRefusedException.class).hasMessageContaining("not a cost export");
        assertThatThrownBy(() -> CostTestData.read("", "empty.csv", new CostTestData.Collecting()))
                .isInstanceOf(CostFileRefusedException.class)
                .satisfies(e -> assertThat(((CostFileRefusedException) e).errorCode()).isEqualTo(CostErrorCode.COST_FILE_EMPTY));
        assertThatThrownBy(() -> CostTestData.read(CostTestData.path("cost-exports-koku/oci/reports_usage-csv_0001000000829494.csv"),
                new CostTestData.Collecting()))
                .isInstanceOf(CostFileRefusedException.class).hasMessageContaining("usage report");
    }

    @Test
    void ociRowsWithoutACurrencyAreQuarantinedNotDropped() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(CostTestData.path("cost-exports-koku/oci/reports_cost-csv_0001000000603747.csv"), sink);
        assertThat(sink.quarantinedRows).containsExactly(1L, 2L);
        assertThat(sink.quarantined).allSatisfy(q -> assertThat(q).contains("missing required BillingCurrency"));
        assertThat(r.reconciliationNotes()).anySatisfy(n -> assertThat(n).contains("quarantined rows with zero native cost: 1, 2"));
    }
}
