package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks behind the kit's cost export tests: file metadata, readable content and FOCUS headers. */
public final class CostExportChecks {

    /**
     * FOCUS 1.2 columns every FOCUS dataset carries whatever the provider supports (the columns the specification
     * makes mandatory without condition).
     */
    public static final List<String> MANDATORY_FOCUS_COLUMNS = List.of("BilledCost", "BillingAccountId",
            "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
            "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
            "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName",
            "PublisherName", "ServiceCategory", "ServiceName");

    private CostExportChecks() {
    }

    /** Checks the metadata of every listed file: unique keys, a plausible period, format and compression. */
    public static void metadataIsWellFormed(List<CostExportFile> files) {
        Set<String> keys = new HashSet<>();
        for (CostExportFile f : files) {
            assertThat(keys.add(f.key())).as("key %s is unique", f.key()).isTrue();
            assertThat(f.billingPeriod()).as("billing period of %s", f.key())
                    .isBetween(YearMonth.of(2000, 1), YearMonth.of(2100, 12));
            assertThat(f.format()).as("format of %s", f.key()).matches("[A-Z][A-Z0-9_]*");
            assertThat(f.compression()).as("compression of %s", f.key()).isIn("gzip", "none");
            assertThat(f.fingerprint()).as("fingerprint of %s", f.key()).isNotBlank();
        }
    }

    /** Opens the file and returns its decompressed bytes, at most {@code limit} of them. */
    public static byte[] read(CostExportFile file, int limit) {
        try (InputStream raw = file.open(); InputStream in = "gzip".equals(file.compression()) ? new GZIPInputStream(raw) : raw) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.key(), e);
        }
    }

    /** Reads a FOCUS CSV file completely and checks its header and the shape and billing period of each row. */
    public static long focusFileIsWellFormed(CostExportFile file) {
        assertThat(file.format()).isEqualTo(CostExportFormat.FOCUS_1_2);
        try (InputStream raw = file.open();
             InputStream in = "gzip".equals(file.compression()) ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            CsvRecords csv = new CsvRecords(reader);
            List<String> header = csv.next();
            assertThat(header).as("header of %s", file.key()).isNotNull().containsAll(MANDATORY_FOCUS_COLUMNS)
                    .doesNotHaveDuplicates();
            assertThat(header).as("columns of %s are FOCUS ids or x_ extensions", file.key())
                    .allSatisfy(c -> assertThat(c).matches("[A-Z][A-Za-z]*|x_[A-Za-z0-9_]+"));
            int periodStart = header.indexOf("BillingPeriodStart");
            String expected = file.billingPeriod().atDay(1) + "T00:00:00";
            long rows = 0;
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                rows++;
                assertThat(row).as("fields of row %d of %s", rows, file.key()).hasSameSizeAs(header);
                assertThat(row.get(periodStart)).as("BillingPeriodStart of row %d of %s", rows, file.key())
                        .startsWith(expected);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.key(), e);
        }
    }
}
