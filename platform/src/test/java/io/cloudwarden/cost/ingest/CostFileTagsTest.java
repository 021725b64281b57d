package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider tag columns folded into FOCUS Tags, on the third-party samples (test resources cost-data/). Where a
 * sample lacks a variant (tag columns of a legacy CUR, a CUR 2.0 map, a malformed Azure value) the test derives it
 * from a real file by changing only what is named, and says so.
 */
class CostFileTagsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static Map<String, Object> tags(FocusRow row) {
        String t = row.get(FocusColumn.TAGS);
        return t == null ? null : JSON.readValue(t, Map.class);
    }

    private static FocusRow row(CostTestData.Collecting sink, long sourceRow) {
        return sink.rows.stream().filter(r -> r.sourceRow() == sourceRow).findFirst().orElseThrow();
    }

    private static CostReadResult read(Path file, CostTestData.Collecting sink) throws Exception {
        CostReadResult r = CostTestData.read(file, sink);
        assertThat(r.reconciled()).as(String.join("\n", r.reconciliationNotes())).isTrue();
        assertThat(r.reconciliationNotes()).noneMatch(n -> n.contains("NOT explained"));
        return r;
    }

    @Test
    void azureEaTagsWithoutBracesBecomeAnObject() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = read(CostTestData.path("cost-exports-focus-converters/azure/sample-anonymous-ea-export-dataset.csv"), sink);
        assertThat(r.rowsQuarantined()).isZero();
        assertThat(tags(row(sink, 1))).containsExactly(Map.entry("tagA", "valueA"), Map.entry("tagB", "valueB"),
                Map.entry("tagC", "valueC"));
        assertThat(sink.rows).allSatisfy(row -> assertThat(tags(row)).containsEntry("tagC", "valueC"));
        assertThat(r.reconciliationNotes()).contains("Tags from column Tags").noneMatch(n -> n.startsWith("WARNING"));
    }

    @Test
    void azureHeaderVariantsReadTagsOrTags() throws Exception {
        CostTestData.Collecting payg = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-koku/azure/costreport_a243c6f2-199f-4074-9a2c-40e671cf1584.csv"), payg);
        assertThat(tags(row(payg, 1))).containsExactly(Map.entry("project", "p1"));
        CostTestData.Collecting camel = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-koku/azure/azure_camelCased.csv"), camel); // lower-case "tags"
        assertThat(tags(row(camel, 3))).containsExactly(Map.entry("project", "p1"));
        CostTestData.Collecting mca = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-koku/azure/camel_azure_version_2.csv"), mca);
        assertThat(row(mca, 1).get(FocusColumn.TAGS)).isNull(); // empty tags column
        assertThat(tags(row(mca, 4))).containsExactly(Map.entry("project", "p1"));
        CostTestData.Collecting ea2 = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-koku/azure/azure_version_2.csv"), ea2);
        assertThat(ea2.rows).allSatisfy(row -> assertThat(row.get(FocusColumn.TAGS)).isNull());
    }

    @Test
    void aMalformedAzureTagStringKeepsTheRowAndIsReportedWithItsRawText() throws Exception {
        // the Azure EA sample with row 3's Tags cut off inside the second key (only that field changed)
        Path source = CostTestData.path("cost-exports-focus-converters/azure/sample-anonymous-ea-export-dataset.csv");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        String whole = "\"\"tagA\"\": \"\"valueA\"\",\"\"tagB\"\": \"\"valueB\"\",\"\"tagC\"\": \"\"valueC\"\"";
        assertThat(lines.get(3)).contains(whole);
        lines.set(3, lines.get(3).replace(whole, "\"\"tagA\"\": \"\"valueA\"\",\"\"tagB"));
        Path broken = Files.write(tmp.resolve("ea-broken-tags.csv"), lines, StandardCharsets.UTF_8);

        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = read(broken, sink);
        assertThat(r.rowsAccepted()).isEqualTo(27);
        assertThat(row(sink, 3).get(FocusColumn.TAGS)).isNull();
        assertThat(row(sink, 3).get(FocusColumn.BILLED_COST)).isNotNull();
        assertThat(tags(row(sink, 4))).containsEntry("tagA", "valueA");
        assertThat(r.reconciliationNotes()).anySatisfy(n -> assertThat(n).startsWith("WARNING").contains("in 1 row;")
                .contains("row 3 Tags '\"tagA\": \"valueA\",\"tagB'").contains("unterminated quoted text"));
    }

    @Test
    void awsLegacyCurResourceTagColumnsGiveUserKeysWithoutPrefixAndAwsKeysWithIt() throws Exception {
        // koku's 2023-06-01.csv names its tag columns noTags/ (so that they are not read as tags); renamed back here
        Path source = CostTestData.path("cost-exports-koku/aws/2023-06-01.csv");
        CostTestData.Collecting untouched = new CostTestData.Collecting();
        read(source, untouched);
        assertThat(untouched.rows).allSatisfy(row -> assertThat(row.get(FocusColumn.TAGS)).isNull());

        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace("noTags/", "resourceTags/"));
        Path tagged = Files.write(tmp.resolve("2023-06-01-tagged.csv"), lines, StandardCharsets.UTF_8);
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = read(tagged, sink);
        assertThat(tags(row(sink, 1))).containsExactly(Map.entry("app", "slatt"),
                Map.entry("environment", "smoke_test_run_sample_long_tag"), Map.entry("version", "zeta"));
        assertThat(r.reconciliationNotes()).anySatisfy(n -> assertThat(n)
                .startsWith("Tags from columns resourceTags/aws:createdBy, resourceTags/user:app").contains("and 5 more"));

        // an AWS-generated tag keeps its aws: prefix
        lines.set(1, lines.get(1).replace(",,slatt,", ",me,slatt,"));
        Path withCreator = Files.write(tmp.resolve("2023-06-01-creator.csv"), lines, StandardCharsets.UTF_8);
        CostTestData.Collecting creator = new CostTestData.Collecting();
        read(withCreator, creator);
        assertThat(tags(row(creator, 1))).containsEntry("aws:createdBy", "me").containsEntry("app", "slatt");
    }

    @Test
    void awsAthenaFlattenedTagColumnsAndTheCur2TagMap() throws Exception {
        Path source = CostTestData.path("cost-exports-koku/aws/2022-07-01-alt-columns.csv");
        CostTestData.Collecting sink = new CostTestData.Collecting();
        read(source, sink);
        assertThat(tags(row(sink, 1))).containsExactly(Map.entry("aws:created_by", "IAMUser:fake:and"));

        // the same file as CUR 2.0 would carry it: a resource_tags map (JSON text in CSV) beside the other columns
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        lines.set(0, lines.get(0) + ",bill_payer_account_name,resource_tags");
        lines.set(1, lines.get(1) + ",payer,\"{\"\"user_team\"\":\"\"web\"\",\"\"user:Env\"\":\"\"prod\"\",\"\"aws_created_by\"\":\"\"x\"\"}\"");
        lines.set(2, lines.get(2) + ",payer,");
        Path cur2 = Files.write(tmp.resolve("cur2.csv"), lines, StandardCharsets.UTF_8);
        CostTestData.Collecting sink2 = new CostTestData.Collecting();
        CostReadResult r = read(cur2, sink2);
        assertThat(r.format()).isEqualTo(CostFormat.AWS_CUR_2);
        // same key from the flattened column and the map: last wins within the resource's own tags
        assertThat(tags(row(sink2, 1))).containsExactly(Map.entry("aws:created_by", "x"), Map.entry("team", "web"),
                Map.entry("Env", "prod"));
        assertThat(tags(row(sink2, 2))).containsExactly(Map.entry("aws:created_by", "IAMUser:fake:and"));
    }

    @Test
    void focusTagsParseAndAreEqualToTheSourceObjectForEveryRowOfTheFocusSample() throws Exception {
        Path file = CostTestData.path("focus-sample-data/focus_sample.csv");
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = read(file, sink);
        assertThat(tags(row(sink, 2))).containsExactly(Map.entry("application", "BrightLensMatrix"),
                Map.entry("environment", "dev"), Map.entry("business_unit", "ViennaAI"));
        assertThat(tags(row(sink, 947))).containsEntry(" org", "trey").containsEntry("org", "trey").containsEntry("CostCenter", "1234");
        List<List<String>> csv = CostTestData.parseCsv(file);
        int col = csv.get(0).indexOf("Tags");
        int checked = 0;
        for (FocusRow row : sink.rows) {
            String raw = csv.get((int) row.sourceRow()).get(col);
            if (raw.equals("NULL") || raw.isEmpty()) {
                assertThat(row.get(FocusColumn.TAGS)).isNull();
            } else {
                JsonNode expected = JSON.readTree(raw);
                assertThat(JSON.readTree(row.get(FocusColumn.TAGS))).as("row " + row.sourceRow()).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(711);
        assertThat(r.reconciliationNotes()).noneMatch(n -> n.startsWith("WARNING"));
    }

    @Test
    void gcpResourceLabelsFromThePythonLiteralListInTheCsvExport() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-koku/gcp/202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv"), sink);
        assertThat(row(sink, 1).get(FocusColumn.TAGS)).isNull(); // labels []
        assertThat(tags(row(sink, 4))).containsExactly(Map.entry("goog-resource-type", "bigquery_resource"));
        assertThat(tags(row(sink, 5))).containsExactly(Map.entry("goog-resource-type", "bigquery_dataset"));
    }

    @Test
    void gcpJsonLinesProjectLabelsAreInheritedAndSystemLabelsPrefixed() {
        String line = "{\"billing_account_id\":\"01\",\"service\":{\"id\":\"6F81\",\"description\":\"Compute Engine\"},"
                + "\"sku\":{\"id\":\"D973\",\"description\":\"N1 core\"},\"usage_start_time\":\"2024-05-01T00:00:00Z\","
                + "\"usage_end_time\":\"2024-05-01T01:00:00Z\",\"project\":{\"id\":\"p1\",\"name\":\"P1\","
                + "\"labels\":[{\"key\":\"team\",\"value\":\"ops\"},{\"key\":\"env\",\"value\":\"prod\"}]},"
                + "\"labels\":[{\"key\":\"team\",\"value\":\"web\"}],"
                + "\"system_labels\":[{\"key\":\"compute.googleapis.com/machine_spec\",\"value\":\"n1-standard-1\"}],"
                + "\"location\":{\"region\":\"us-central1\"},\"cost\":0.5,\"currency\":\"USD\",\"invoice\":{\"month\":\"202405\"},"
                + "\"cost_type\":\"regular\",\"credits\":[]}\n";
        String bare = line.replace("\"labels\":[{\"key\":\"team\",\"value\":\"web\"}],", "").replace(
                ",\"labels\":[{\"key\":\"team\",\"value\":\"ops\"},{\"key\":\"env\",\"value\":\"prod\"}]", "")
                .replace("\"system_labels\":[{\"key\":\"compute.googleapis.com/machine_spec\",\"value\":\"n1-standard-1\"}],", "");
        CostTestData.Collecting sink = new CostTestData.Collecting();
        // the first object has no label fields at all: the label columns still exist
        CostReadResult r = CostTestData.read(bare + line, "gcp.jsonl", sink);
        assertThat(r.format()).isEqualTo(CostFormat.GCP_BILLING_EXPORT);
        assertThat(sink.rows).hasSize(2);
        assertThat(sink.rows.get(0).get(FocusColumn.TAGS)).isNull();
        // the resource's team=web wins over the project's team=ops; env is inherited from the project
        assertThat(tags(sink.rows.get(1))).isEqualTo(Map.of("team", "web",
                "system/compute.googleapis.com/machine_spec", "n1-standard-1", "env", "prod"));
    }

    @Test
    void ociCostReportTagColumnsKeepNamespaceDotKey() throws Exception {
        CostTestData.Collecting sink = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-focus-converters/oci/reports_cost-csv_0000000030000269.csv"), sink);
        assertThat(tags(row(sink, 1))).containsEntry("Oracle-Tags.CreatedBy", "default/phil.newman@oracle.com")
                .containsEntry("OracleInternalReserved.CostCenter", "607825").containsEntry("Valtest.Cat", "boots").hasSize(7);
        assertThat(row(sink, 2).get(FocusColumn.TAGS)).isNull();
        assertThat(tags(row(sink, 3))).doesNotContainKey("Valtest.Cat").hasSize(6);

        CostTestData.Collecting koku = new CostTestData.Collecting();
        read(CostTestData.path("cost-exports-koku/oci/reports_cost-csv_0001000000603747.csv"), koku);
        assertThat(tags(row(koku, 5))).containsEntry("new-tags.tarnished-tags", "qa")
                .containsEntry("orcl-cloud.free-tier-retained", "true").containsEntry("Oracle-Tags.CreatedOn", "2022-02-23T11:52:23.927Z");
    }

    @Test
    void ociFocusReportTagsColumnAndTagColumns() {
        String csv = "BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,"
                + "BilledCost,ProviderName,Tags,tags/Oracle-Tags.CreatedBy,oci_ReferenceNumber\n"
                + "ocid1.tenancy,USD,2024-09-01,2024-10-01,2024-09-01,2024-09-02,1.5,Oracle,"
                + "\"{\"\"orcl-cloud.free-tier-retained\"\":\"\"true\"\",\"\"Oracle-Tags.CreatedBy\"\":\"\"a@b\"\"}\",other@b,R1\n"
                + "ocid1.tenancy,USD,2024-09-01,2024-10-01,2024-09-01,2024-09-02,2,Oracle,,c@d,R2\n";
        CostTestData.Collecting sink = new CostTestData.Collecting();
        CostReadResult r = CostTestData.read(csv, "oci-focus.csv", sink);
        assertThat(r.format()).isEqualTo(CostFormat.OCI_FOCUS);
        assertThat(tags(sink.rows.get(0))).containsExactly(Map.entry("orcl-cloud.free-tier-retained", "true"),
                Map.entry("Oracle-Tags.CreatedBy", "a@b")); // the Tags object wins over a tags/ column
        assertThat(tags(sink.rows.get(1))).containsExactly(Map.entry("Oracle-Tags.CreatedBy", "c@d"));
    }

    @Test
    void awsKeysDropTheCurUserPrefixAndKeepAwsReservedPrefix() {
        assertThat(TagColumns.awsKey("user:CostCenter")).isEqualTo("CostCenter");
        assertThat(TagColumns.awsKey("user_cost_center")).isEqualTo("cost_center");
        assertThat(TagColumns.awsKey("aws:createdBy")).isEqualTo("aws:createdBy");
        assertThat(TagColumns.awsKey("aws_created_by")).isEqualTo("aws:created_by");
        assertThat(TagColumns.awsKey("team")).isEqualTo("team");
        assertThat(TagColumns.awsKey("user:")).isEqualTo("user:");
    }
}
