package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The tag text reader: JSON objects with and without braces, GCP label lists in JSON and Python-literal form. */
class TagTextTest {

    private static List<String> object(String text) throws TagText.Malformed {
        List<String> out = new ArrayList<>();
        TagText.object(text, (k, v) -> out.add(k + "=" + v));
        return out;
    }

    private static List<String> labels(String text) throws TagText.Malformed {
        List<String> out = new ArrayList<>();
        TagText.labelList(text, (k, v) -> out.add(k + "=" + v));
        return out;
    }

    @Test
    void azureTagsWithoutOuterBracesReadLikeAnObject() throws Exception {
        // as in the focus_converters Azure EA sample: "tagA": "valueA","tagB": "valueB","tagC": "valueC"
        assertThat(object("\"tagA\": \"valueA\",\"tagB\": \"valueB\",\"tagC\": \"valueC\""))
                .containsExactly("tagA=\"valueA\"", "tagB=\"valueB\"", "tagC=\"valueC\"");
        assertThat(object("{\"tagA\": \"valueA\",\"tagB\": \"valueB\",\"tagC\": \"valueC\"}"))
                .isEqualTo(object("\"tagA\": \"valueA\",\"tagB\": \"valueB\",\"tagC\": \"valueC\""));
        assertThat(object(" \"env\" : \"prod\" , \"team\":\"web\", ")).containsExactly("env=\"prod\"", "team=\"web\"");
    }

    @Test
    void keysKeepTheirCaseAndSpacesAndValuesKeepTheirJsonType() throws Exception {
        // the FOCUS sample's Microsoft rows carry both "org" and " org"
        assertThat(object("{\"env\": \"prod\", \"org\": \"trey\", \" org\": \"trey\", \"Project\": \"Foo\"}"))
                .containsExactly("env=\"prod\"", "org=\"trey\"", " org=\"trey\"", "Project=\"Foo\"");
        assertThat(object("{\"n\": 12.5, \"t\": true, \"f\": false, \"z\": null, \"neg\": -3e2}"))
                .containsExactly("n=12.5", "t=true", "f=false", "z=null", "neg=-3e2");
    }

    @Test
    void escapesAreReadAndWrittenBackAsJson() throws Exception {
        assertThat(object("{\"a\\\"b\": \"x\\ny\\u00e9\\\\\"}")).containsExactly("a\"b=\"x\\nyé\\\\\"");
        assertThat(TagText.quote("a,\n b\t\"q\"\u0001")).isEqualTo("\"a,\\n b\\t\\\"q\\\"\\u0001\"");
        assertThat(TagText.unquote(TagText.quote("x\"y\\z\n"))).isEqualTo("x\"y\\z\n");
    }

    @Test
    void emptyObjectsAndBlankTextGiveNoTags() throws Exception {
        assertThat(object("{}")).isEmpty();
        assertThat(object("  ")).isEmpty();
        assertThat(object("{ }")).isEmpty();
    }

    @Test
    void emptyValuesAndDuplicateKeysArePassedOnInTextOrder() throws Exception {
        assertThat(object("\"env\": \"\", \"env\": \"prod\"")).containsExactly("env=\"\"", "env=\"prod\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"tagA\": \"valueA\",\"tagB",              // cut off inside a key
        "\"tagA\": \"valueA",                        // unterminated value
        "tagA=valueA;tagB=valueB",                   // not JSON at all
        "\"tagA\" \"valueA\"",                       // no colon
        "{\"tagA\": \"valueA\"",                     // opening brace without closing brace
        "{\"tagA\": \"valueA\"} trailing",           // text after the object
        "{\"tagA\": {\"nested\": 1}}",               // nested object value
        "{\"tagA\": [1, 2]}",                        // list value
        "{\"tagA\": valueA}",                        // bare word
        "[{\"key\": \"a\", \"value\": \"b\"}]",      // a label list where an object is expected
    })
    void malformedObjectsAreRefusedWithWhereTheyWentWrong(String text) {
        assertThatThrownBy(() -> object(text)).isInstanceOf(TagText.Malformed.class).hasMessageContaining("character");
    }

    @Test
    void gcpLabelListsInPythonLiteralFormAsInTheKokuCsvExports() throws Exception {
        assertThat(labels("[{'key': 'goog-resource-type', 'value': 'bigquery_resource'}]"))
                .containsExactly("goog-resource-type=\"bigquery_resource\"");
        assertThat(labels("[]")).isEmpty();
        assertThat(labels(" [ ] ")).isEmpty();
        assertThat(labels("[{'key': 'it\\'s', 'value': \"o'neil\"}, {'value': None, 'key': 'empty'}]"))
                .containsExactly("it's=\"o'neil\"", "empty=null");
    }

    @Test
    void gcpLabelListsInJsonAsInJsonLinesAndParquetExports() throws Exception {
        assertThat(labels("[{\"key\":\"env\",\"value\":\"prod\"},{\"key\":\"team\",\"value\":\"\"}]"))
                .containsExactly("env=\"prod\"", "team=\"\"");
        // resource-manager style entries carry more members; only key and value are read
        assertThat(labels("[{\"key\":\"env\",\"value\":\"prod\",\"inherited\":true,\"namespace\":\"123\"}]"))
                .containsExactly("env=\"prod\"");
        // duplicate keys are passed on in order; the caller decides (last wins)
        assertThat(labels("[{\"key\":\"env\",\"value\":\"a\"},{\"key\":\"env\",\"value\":\"b\"}]"))
                .containsExactly("env=\"a\"", "env=\"b\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{'key': 'a', 'value': 'b'}", "[{'value': 'b'}]", "{'key': 'a'}", "[{'key': 1, 'value': 'b'}]",
        "[{'key': 'a', 'value': 'b'}] x", "['a', 'b']"})
    void malformedLabelListsAreRefused(String text) {
        assertThatThrownBy(() -> labels(text)).isInstanceOf(TagText.Malformed.class);
    }
}
