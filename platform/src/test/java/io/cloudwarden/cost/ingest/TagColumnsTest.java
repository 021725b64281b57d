package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which header columns carry tags per format, and how one row's values become the Tags object. */
class TagColumnsTest {

    private static String fold(TagColumns t, long rowNumber, String... fields) {
        FocusRow row = new FocusRow(rowNumber);
        t.fold(fields, row);
        return row.get(FocusColumn.TAGS);
    }

    @Test
    void filesWithoutTagColumnsNeedNoFolding() {
        assertThat(TagColumns.of(CostFormat.AZURE_EA, List.of("Date", "CostInBillingCurrency"))).isNull();
        assertThat(TagColumns.of(CostFormat.AWS_CUR_LEGACY, List.of("lineItem/UnblendedCost", "noTags/user:app"))).isNull();
        // a Tags column is not read as Azure tags in a GCP export, nor labels in an Azure one
        assertThat(TagColumns.of(CostFormat.GCP_BILLING_EXPORT, List.of("cost", "tags"))).isNull();
        assertThat(TagColumns.of(CostFormat.AZURE_MCA, List.of("labels"))).isNull();
    }

    @Test
    void azureDuplicateKeysLastWinsAndEmptyValuesAreKept() {
        TagColumns t = TagColumns.of(CostFormat.AZURE_MCA, List.of("cost", "Tags"));
        assertThat(fold(t, 1, "1", "\"env\": \"a\",\"team\": \"\",\"env\": \"b\"")).isEqualTo("{\"env\":\"b\",\"team\":\"\"}");
        assertThat(fold(t, 2, "1", "{}")).isNull();
        assertThat(fold(t, 3, "1", "")).isNull();
        assertThat(fold(t, 4, "1", null)).isNull();
        assertThat(fold(t, 5, "1")).isNull(); // a short row
        assertThat(t.malformedRows()).isZero();
    }

    @Test
    void keysThatDifferOnlyInCaseAreDifferentTags() {
        TagColumns t = TagColumns.of(CostFormat.AZURE_EA, List.of("tags"));
        assertThat(fold(t, 1, "\"Env\": \"a\",\"env\": \"b\"")).isEqualTo("{\"Env\":\"a\",\"env\":\"b\"}");
    }

    @Test
    void malformedTextIsCountedAndTheFirstFiveRowsAreQuotedInTheWarning() {
        TagColumns t = TagColumns.of(CostFormat.FOCUS_1_2, List.of("BilledCost", "Tags"));
        for (int i = 1; i <= 7; i++) {
            assertThat(fold(t, i, "1", "team=web" + i)).isNull();
        }
        assertThat(fold(t, 8, "1", "{\"team\":\"web\"}")).isEqualTo("{\"team\":\"web\"}");
        assertThat(t.malformedRows()).isEqualTo(7);
        List<String> notes = t.notes();
        assertThat(notes.get(0)).isEqualTo("Tags from column Tags");
        assertThat(notes.get(1)).startsWith("WARNING: tag text that is not a tag object or label list in 7 rows;")
                .contains("row 1 Tags 'team=web1' (expected a quoted key at character 1 ('t'))").contains("row 5 Tags 'team=web5'")
                .doesNotContain("web6").endsWith("; ...");
    }

    @Test
    void aMalformedSourceLeavesOnlyItsOwnTagsOut() {
        TagColumns t = TagColumns.of(CostFormat.GCP_BILLING_EXPORT, List.of("labels", "project.labels", "system_labels"));
        assertThat(fold(t, 1, "[{'key': 'team', 'value': 'web'}, {'key': 'env'", "[{'key': 'cc', 'value': '42'}]", "[]"))
                .isEqualTo("{\"cc\":\"42\"}");
        // duplicate label keys: last wins; the project label loses to the resource label
        assertThat(fold(t, 2, "[{'key': 'team', 'value': 'a'}, {'key': 'team', 'value': 'b'}]",
                "[{'key': 'team', 'value': 'p'}]", null)).isEqualTo("{\"team\":\"b\"}");
        // project first in the header makes no difference
        TagColumns reordered = TagColumns.of(CostFormat.GCP_BILLING_EXPORT, List.of("project_labels", "labels"));
        assertThat(fold(reordered, 1, "[{'key': 'team', 'value': 'p'}]", "[{'key': 'team', 'value': 'r'}]"))
                .isEqualTo("{\"team\":\"r\"}");
    }

    @Test
    void valuesOfOneTagPerColumnAreQuotedAsTheyAre() {
        TagColumns t = TagColumns.of(CostFormat.OCI_COST_REPORT, List.of("cost/myCost", "tags/Oracle-Tags.CreatedBy", "tags/free"));
        assertThat(fold(t, 1, "1", "default/a\"b@x", " spaced ")).isEqualTo("{\"Oracle-Tags.CreatedBy\":\"default/a\\\"b@x\",\"free\":\" spaced \"}");
    }
}
