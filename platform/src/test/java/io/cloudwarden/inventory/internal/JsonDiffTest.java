package io.cloudwarden.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.inventory.internal.ResourceViews.PathChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonDiffTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void listsLeafChangesAdditionsAndRemovalsAsJsonPointers() {
        var before = json.readTree("{\"a\": 1, \"b\": {\"c\": \"x\", \"gone\": true}, \"list\": [1, 2], \"k/e~y\": 1}");
        var after = json.readTree("{\"a\": 2, \"b\": {\"c\": \"x\", \"new\": null}, \"list\": [1, 3, 4], \"k/e~y\": 1}");

        List<PathChange> changes = JsonDiff.diff("/configuration", before, after);

        assertThat(changes).extracting(c -> c.path() + " " + c.kind()).containsExactly(
                "/configuration/a changed", "/configuration/b/gone removed", "/configuration/b/new added",
                "/configuration/list/1 changed", "/configuration/list/2 added");
        assertThat(changes.get(0).oldValue().asInt()).isEqualTo(1);
        assertThat(changes.get(0).newValue().asInt()).isEqualTo(2);
    }

    @Test
    void escapesKeysAndTreatsTypeChangesAsChanges() {
        var changes = JsonDiff.diff("", json.readTree("{\"k/e~y\": {\"x\": 1}}"), json.readTree("{\"k/e~y\": [1]}"));
        assertThat(changes).extracting(PathChange::path).containsExactly("/k~1e~0y");
        assertThat(JsonDiff.diff("", json.readTree("{\"a\": [1]}"), json.readTree("{\"a\": [1]}"))).isEmpty();
    }
}
