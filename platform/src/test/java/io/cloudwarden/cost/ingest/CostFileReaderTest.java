package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Format detection, conversion and reconciliation over the third-party samples (test resources cost-data/, copied from ../shared/data). */
class CostFileReaderTest {

    @Test
    void focusSampleIsFocus10AndItsTotalsByProviderMatchTheCollectorsGroundTruth() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(CostTestData.path("focus-sample-data/focus_sample.csv"), sink);

        assertThat(r.format()).isEqualTo(CostFormat.FOCUS_1_0);
        assertThat(r.detectedBecause()).contains("BilledCost").contains("none of the columns FOCUS 1.1 or 1.2 added");
        assertThat(r.rowsRead()).isEqualTo(1000);
        assertThat(r.rowsAccepted()).isEqualTo(1000);
        assertThat(r.reconciled()).isTrue();
        Map<String, BigDecimal> billed = sumBy(sink.rows, FocusColumn.BILLED_COST);
        Map<String, BigDecimal> effective = sumBy(sink.rows, FocusColumn.EFFECTIVE_COST);
        assertThat(round(billed.get("AWS"))).isEqualByComparingTo("18.006639");
        assertThat(round(billed.get("Microsoft"))).isEqualByComparingTo("1.976514");
        assertThat(round(billed.get("Oracle"))).isEqualByComparingTo("0.537074");
        assertThat(round(effective.get("AWS"))).isEqualByComparingTo("13.0");
        assertThat(round(effective.get("Microsoft"))).isEqualByComparingTo("1.976514");
        assertThat(round(effective.get("Oracle"))).isEqualByComparingTo("0.0");
        FocusRow first = sink.rows.get(0);
        assertThat(first.get(FocusColumn.CHARGE_PERIOD_START)).isEqualTo("2024-09-18T22:00:00Z");
        assertThat(first.get(FocusColumn.AVAILABILITY_ZONE)).isNull(); // the literal NULL
        assertThat(r.billingPeriods()).contains(YearMonth.of(2024, 9));
    }

    /** The collector's ground truth is rounded to 6 decimals. */
    private static BigDecimal round(BigDecimal v) {
        return v.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private static Map<String, BigDecimal> sumBy(List<FocusRow> rows, FocusColumn column) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (FocusRow row : rows) {
            String v = row.get(column);
            out.merge(row.get(FocusColumn.PROVIDER_NAME), v == null ? BigDecimal.ZERO : new BigDecimal(v), BigDecimal::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "cost-exports-focus-converters/aws/sample-anonymous-aws-cur-export-dataset.csv, AWS_CUR_LEGACY, 1281, lineItem/NetUnblendedCost|lineItem/UnblendedCost, lineItem/CurrencyCode",
        "cost-exports-focus-converters/azure/sample-anonymous-ea-export-dataset.csv, AZURE_EA, 27, CostInBillingCurrency, BillingCurrencyCode",
        "cost-exports-focus-converters/oci/reports_cost-csv_0000000030000269.csv, OCI_COST_REPORT, 506, cost/myCost, cost/currencyCode",
        "cost-exports-koku/aws/test_cur.csv, AWS_CUR_LEGACY, 19, lineItem/UnblendedCost, lineItem/CurrencyCode",
        "cost-exports-koku/aws/2023-06-01.csv, AWS_CUR_LEGACY, 3, lineItem/UnblendedCost, lineItem/CurrencyCode",
        "cost-exports-koku/aws/2022-07-01-alt-columns.csv, AWS_CUR_ATHENA, 2, line_item_unblended_cost, line_item_currency_code",
        "cost-exports-koku/azure/azure_version_2.csv, AZURE_EA, 5, CostInBillingCurrency, BillingCurrencyCode",
        "cost-exports-koku/azure/camel_azure_version_2.csv, AZURE_MCA, 4, costInBillingCurrency, billingCurrency",
        "cost-exports-koku/azure/azure_camelCased.csv, AZURE_PAYG, 3, preTaxCost, currency",
        "cost-exports-koku/azure/costreport_a243c6f2-199f-4074-9a2c-40e671cf1584.csv, AZURE_PAYG, 3, PreTaxCost, Currency",
        "cost-exports-koku/gcp/202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv, GCP_BILLING_EXPORT, 25, cost, currency",
        "cost-exports-koku/gcp/2022-08-01_5.csv, GCP_BILLING_EXPORT, 9, cost, currency",
        "cost-exports-koku/oci/reports_cost-csv_0001000000603747.csv, OCI_COST_REPORT, 5, cost/myCost, cost/currencyCode",
    })
    void providerExportIsDetectedConvertedAndReconciledAgainstAnIndependentSum(String file, CostFormat format,
            long rows, String costColumns, String currencyColumn) throws Exception {
        Path path = CostTestData.path(file);
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(path, sink);

        assertThat(r.format()).isEqualTo(format);
        assertThat(r.rowsRead()).isEqualTo(rows);
        assertThat(r.rowsAccepted() + r.rowsQuarantined()).isEqualTo(rows);
        assertThat(sink.rows).hasSize((int) r.rowsAccepted());
        Map<String, BigDecimal> independent = CostTestData.sumBy(path, List.of(costColumns.split("\\|")), currencyColumn);
        assertThat(r.sourceTotalsByCurrency().keySet()).isEqualTo(independent.keySet());
        independent.forEach((cur, total) -> assertThat(r.sourceTotalsByCurrency().get(cur)).as(cur).isEqualByComparingTo(total));
        assertThat(r.reconciled()).as(String.join("\n", r.reconciliationNotes())).isTrue();
        // accepted rows carry every ledger-required column, normalised
        for (FocusRow row : sink.rows) {
            for (FocusColumn c : CostFileReader.REQUIRED) {
                assertThat(row.get(c)).as(c + " of row " + row.sourceRow()).isNotNull();
            }
            assertThat(row.get(FocusColumn.CHARGE_PERIOD_START)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
        // the accepted BilledCost equals the independent total minus what was quarantined
        independent.forEach((cur, total) -> assertThat(r.acceptedTotalsByCurrency().getOrDefault(cur, BigDecimal.ZERO)
                .add(r.quarantinedTotalsByCurrency().getOrDefault(cur, BigDecimal.ZERO))).isEqualByComparingTo(total));
    }

    @Test
    void awsLegacyCurRowsFollowTheConvertersRules() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostTestData.read(CostTestData.path("cost-exports-koku/aws/2023-06-01.csv"), sink);
        FocusRow row = sink.rows.get(0);
        assertThat(row.get(FocusColumn.PROVIDER_NAME)).isEqualTo("AWS");
        assertThat(row.get(FocusColumn.SERVICE_CATEGORY)).isEqualTo("Compute"); // LOOKUP aws_category_mapping
        assertThat(row.get(FocusColumn.CHARGE_CATEGORY)).isEqualTo("Usage");   // SQL_CONDITION on LineItemType
        assertThat(row.get(FocusColumn.BILLING_PERIOD_START)).isEqualTo("2023-06-01T00:00:00Z");
        assertThat(row.get(FocusColumn.BILLING_CURRENCY)).isEqualTo("NOK");
    }

    @Test
    void azureLocalisedAndCamelCaseHeadersMapThroughTheAliasTableAndRegionsComeFromMicrosoftsOpenData() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(CostTestData.path("cost-exports-koku/azure/azure_camelCased.csv"), sink);
        assertThat(r.detectedBecause()).contains("PreTaxCost");
        FocusRow row = sink.rows.get(0);
        assertThat(row.get(FocusColumn.REGION_ID)).isEqualTo("eastus2");      // "US East 2" via Regions.csv
        assertThat(row.get(FocusColumn.REGION_NAME)).isEqualTo("East US 2");
        assertThat(row.get(FocusColumn.CHARGE_PERIOD_START)).isEqualTo("2019-07-29T00:00:00Z");
        assertThat(row.get(FocusColumn.CHARGE_PERIOD_END)).isEqualTo("2019-07-30T00:00:00Z");
        assertThat(row.get(FocusColumn.BILLING_PERIOD_END)).isEqualTo("2019-08-01T00:00:00Z");
        assertThat(row.get(FocusColumn.SERVICE_CATEGORY)).isEqualTo("Compute"); // Microsoft.Compute, case-insensitive
    }

    @Test
    void gcpCsvCreditsArePythonLiteralListsAndEffectiveCostNetsThem() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostTestData.read(CostTestData.path(
                "cost-exports-koku/gcp/202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv"), sink);
        FocusRow row = sink.rows.get(0);
        assertThat(row.get(FocusColumn.BILLED_COST)).isEqualTo("0.000005");
        assertThat(row.get(FocusColumn.EFFECTIVE_COST)).isEqualTo("0"); // cost 5e-06 + credit -5e-06
        assertThat(row.get(FocusColumn.SERVICE_NAME)).isEqualTo("Security Command Center");
        assertThat(row.get(FocusColumn.BILLING_PERIOD_START)).isEqualTo("2020-11-01T07:00:00Z"); // Pacific month start
    }

    @Test
    void gcpJsonLinesWithNestedObjectsConvertLikeTheCsvFlattening() {
        String line = "{\"billing_account_id\":\"01A-B\",\"service\":{\"id\":\"6F81\",\"description\":\"Compute Engine\"},"
                + "\"sku\":{\"id\":\"6B8F\",\"description\":\"Egress\"},\"usage_start_time\":\"2022-08-01T03:00:00Z\","
                + "\"usage_end_time\":\"2022-08-01T04:00:00Z\",\"project\":{\"id\":\"p1\",\"name\":\"demo\"},"
                + "\"labels\":[{\"key\":\"team\",\"value\":\"a\"}],\"location\":{\"location\":\"us-central1\",\"region\":\"us-central1\"},"
                + "\"cost\":1.25,\"currency\":\"USD\",\"usage\":{\"amount\":10,\"unit\":\"bytes\"},"
                + "\"credits\":[{\"name\":\"Sustained\",\"amount\":-0.25,\"type\":\"SUSTAINED_USAGE_DISCOUNT\"}],"
                + "\"invoice\":{\"month\":\"202208\"},\"cost_type\":\"regular\"}\n";
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(line + line.replace("1.25", "2.5"), "billing.jsonl", sink);
        assertThat(r.format()).isEqualTo(CostFormat.GCP_BILLING_EXPORT);
        assertThat(r.rowsAccepted()).isEqualTo(2);
        assertThat(r.sourceTotalsByCurrency().get("USD")).isEqualByComparingTo("3.75");
        assertThat(r.reconciled()).isTrue();
        FocusRow row = sink.rows.get(0);
        assertThat(row.get(FocusColumn.SERVICE_NAME)).isEqualTo("Compute Engine");
        assertThat(row.get(FocusColumn.EFFECTIVE_COST)).isEqualTo("1.00");
        assertThat(row.get(FocusColumn.REGION_ID)).isEqualTo("us-central1");
        assertThat(row.get(FocusColumn.SKU_ID)).isEqualTo("6B8F");
    }
}
