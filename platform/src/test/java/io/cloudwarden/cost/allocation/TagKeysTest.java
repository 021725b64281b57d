package io.cloudwarden.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagKeysTest {

    TagKeys keys = new TagKeys(Map.of("costcenter", List.of("cost-centre", "CC"), "environment", List.of("env")));

    @Test
    void caseSeparatorsAndSynonymsNormaliseToOneKey() {
        assertThat(List.of("CostCenter", "cost-center", "cost_center", "COST CENTER", "Cost-Centre", "cc"))
                .allSatisfy(k -> assertThat(keys.canonical(k)).isEqualTo("costcenter"));
        assertThat(keys.canonical("Env")).isEqualTo("environment");
        assertThat(keys.canonical("Team")).isEqualTo("team");
        assertThat(keys.canonical("costcenters")).isEqualTo("costcenters");
    }

    @Test
    void variantsAreGroupedByCanonicalKeyInAFixedOrder() {
        assertThat(keys.variants(List.of("team", "Team", "env", "TEAM", "owner")))
                .containsExactly(Map.entry("team", List.of("TEAM", "Team", "team")), Map.entry("environment", List.of("env")),
                        Map.entry("owner", List.of("owner")));
    }
}
