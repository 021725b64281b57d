package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FOCUS 1.2 Parquet file written with the same library (decimals, timestamps, a Tags map) reads back. */
class ParquetCostFileTest {

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message focus {
              required binary BillingAccountId (STRING);
              required binary BillingCurrency (STRING);
              required binary InvoiceId (STRING);
              required int64 BillingPeriodStart (TIMESTAMP(MICROS,true));
              required int64 BillingPeriodEnd (TIMESTAMP(MICROS,true));
              required int64 ChargePeriodStart (TIMESTAMP(MILLIS,true));
              required int64 ChargePeriodEnd (TIMESTAMP(MILLIS,true));
              optional fixed_len_byte_array(16) BilledCost (DECIMAL(38,10));
              optional double EffectiveCost;
              optional binary ChargeCategory (STRING);
              optional group Tags (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional binary value (STRING);
                }
              }
              optional binary x_Operation (STRING);
            }
            """);

    @TempDir
    Path dir;

    @Test
    void focusParquetIsDetectedConvertedAndReconciled() throws Exception {
        Path file = dir.resolve("focus.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        long sep = Instant.parse("2024-09-01T00:00:00Z").toEpochMilli();
        long oct = Instant.parse("2024-10-01T00:00:00Z").toEpochMilli();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA).build()) {
            for (int i = 0; i < 3; i++) {
                Group g = groups.newGroup()
                        .append("BillingAccountId", "acct-1").append("BillingCurrency", "USD").append("InvoiceId", "inv-9")
                        .append("BillingPeriodStart", sep * 1000).append("BillingPeriodEnd", oct * 1000)
                        .append("ChargePeriodStart", sep + i * 3_600_000L).append("ChargePeriodEnd", sep + (i + 1) * 3_600_000L)
                        .append("BilledCost", decimal(new BigDecimal("1.2500000000").add(BigDecimal.valueOf(i))))
                        .append("EffectiveCost", 0.5).append("ChargeCategory", "Usage").append("x_Operation", "RunInstances");
                g.addGroup("Tags").addGroup("key_value").append("key", "team").append("value", "a\"b");
                w.write(g);
            }
        }
        assertThat(Files.readAllBytes(file)).startsWith('P', 'A', 'R', '1');

        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r;
        try (InputStream in = Files.newInputStream(file)) {
            r = new CostFileReader().read(in, "export.parquet", sink);
        }
        assertThat(r.format()).isEqualTo(CostFormat.AWS_FOCUS); // x_Operation is an AWS extension
        assertThat(r.rowsAccepted()).isEqualTo(3);
        assertThat(r.sourceTotalsByCurrency().get("USD")).isEqualByComparingTo("6.75");
        assertThat(r.reconciled()).isTrue();
        FocusRow row = sink.rows.get(1);
        assertThat(row.get(FocusColumn.BILLED_COST)).isEqualTo("2.2500000000");
        assertThat(row.get(FocusColumn.EFFECTIVE_COST)).isEqualTo("0.5");
        assertThat(row.get(FocusColumn.CHARGE_PERIOD_START)).isEqualTo("2024-09-01T01:00:00Z");
        assertThat(row.get(FocusColumn.BILLING_PERIOD_END)).isEqualTo("2024-10-01T00:00:00Z");
        assertThat(row.get(FocusColumn.TAGS)).isEqualTo("{\"team\":\"a\\\"b\"}");
        assertThat(row.extensions()).containsEntry("x_Operation", "RunInstances");
        assertThat(Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("cloudwarden-cost-parquet-"))).isEmpty();
    }

    private static final MessageType GCP = MessageTypeParser.parseMessageType("""
            message gcp {
              optional binary billing_account_id (STRING);
              optional group service { optional binary id (STRING); optional binary description (STRING); }
              optional group sku { optional binary id (STRING); optional binary description (STRING); }
              optional int64 usage_start_time (TIMESTAMP(MICROS,true));
              optional int64 usage_end_time (TIMESTAMP(MICROS,true));
              optional group project {
                optional binary id (STRING);
                optional binary name (STRING);
                repeated group labels { optional binary key (STRING); optional binary value (STRING); }
              }
              repeated group labels { optional binary key (STRING); optional binary value (STRING); }
              optional group system_labels (LIST) {
                repeated group list { optional group element { optional binary key (STRING); optional binary value (STRING); } }
              }
              optional group location { optional binary region (STRING); }
              optional double cost;
              optional binary currency (STRING);
              optional group invoice { optional binary month (STRING); }
              optional binary cost_type (STRING);
              repeated group credits { optional binary name (STRING); optional double amount; optional binary type (STRING); }
            }
            """);

    /** BigQuery-style nesting: repeated label records, a LIST of system labels, repeated credit records. */
    @Test
    void gcpParquetLabelsBecomeTagsAndCreditsAreSummed() throws Exception {
        Path file = dir.resolve("gcp.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(GCP);
        long start = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli() * 1000;
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(GCP).build()) {
            Group g = groups.newGroup().append("billing_account_id", "01A").append("usage_start_time", start)
                    .append("usage_end_time", start + 3_600_000_000L).append("cost", 1.25).append("currency", "USD")
                    .append("cost_type", "regular");
            g.addGroup("service").append("id", "6F81").append("description", "Compute Engine");
            g.addGroup("sku").append("id", "D973").append("description", "N1 core");
            Group project = g.addGroup("project").append("id", "p1").append("name", "P1");
            project.addGroup("labels").append("key", "team").append("value", "ops");
            project.addGroup("labels").append("key", "env").append("value", "prod");
            g.addGroup("labels").append("key", "team").append("value", "web");
            g.addGroup("system_labels").addGroup("list").addGroup("element")
                    .append("key", "compute.googleapis.com/cores").append("value", "1");
            g.addGroup("location").append("region", "us-central1");
            g.addGroup("invoice").append("month", "202405");
            g.addGroup("credits").append("name", "Sustained").append("amount", -0.25).append("type", "SUSTAINED_USAGE_DISCOUNT");
            w.write(g);
        }
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r;
        try (InputStream in = Files.newInputStream(file)) {
            r = new CostFileReader().read(in, "gcp.parquet", sink);
        }
        assertThat(r.format()).isEqualTo(CostFormat.GCP_BILLING_EXPORT);
        assertThat(r.reconciled()).isTrue();
        FocusRow row = sink.rows.get(0);
        assertThat(row.get(FocusColumn.TAGS))
                .isEqualTo("{\"team\":\"web\",\"env\":\"prod\",\"system/compute.googleapis.com/cores\":\"1\"}");
        assertThat(new BigDecimal(row.get(FocusColumn.EFFECTIVE_COST))).isEqualByComparingTo("1.00"); // cost + credits
    }

    private static Binary decimal(BigDecimal v) {
        byte[] unscaled = v.unscaledValue().toByteArray();
        byte[] fixed = new byte[16];
        byte pad = (byte) (v.signum() < 0 ? 0xff : 0);
        java.util.Arrays.fill(fixed, 0, 16 - unscaled.length, pad);
        System.arraycopy(unscaled, 0, fixed, 16 - unscaled.length, unscaled.length);
        return Binary.fromConstantByteArray(fixed);
    }
}
