package io.cloudwarden.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagNormalizationTest {

    @Test
    void lowerCasesAndTrimsKeysAndKeepsValues() {
        assertThat(TagNormalization.normalise(Map.of(" Env ", "Prod", "CostCenter", "CC-1")))
                .containsExactly(Map.entry("costcenter", "CC-1"), Map.entry("env", "Prod"));
    }

    @Test
    void collidingKeysResolveTheSameWhateverTheMapOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("Team", "b");
        one.put("TEAM", "c");
        one.put("team", "a");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("team", "a");
        other.put("Team", "b");
        other.put("TEAM", "c");
        assertThat(TagNormalization.normalise(one)).isEqualTo(TagNormalization.normalise(other)).isEqualTo(Map.of("team", "a"));
        // without an exact lower-case key, the raw key sorting first wins
        assertThat(TagNormalization.normalise(Map.of("Team", "b", "TEAM", "c"))).isEqualTo(Map.of("team", "c"));
    }

    @Test
    void dropsBlankKeys() {
        assertThat(TagNormalization.normalise(Map.of("  ", "x", "a", "1"))).isEqualTo(Map.of("a", "1"));
    }
}
