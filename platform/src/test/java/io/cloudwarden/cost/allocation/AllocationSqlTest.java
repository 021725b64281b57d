package io.cloudwarden.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllocationSqlTest {

    @Test
    void globsBecomeAnchoredRegularExpressionsWithEverythingElseLiteral() {
        assertThat(AllocationSql.globToRegex("web-*")).isEqualTo("^web\\-.*$");
        assertThat(AllocationSql.globToRegex("db?.prod")).isEqualTo("^db.\\.prod$");
        assertThat("web-frontend-1".matches(AllocationSql.globToRegex("web-*"))).isTrue();
        assertThat("xweb-1".matches(AllocationSql.globToRegex("web-*"))).isFalse();
        assertThat("a(b)".matches(AllocationSql.globToRegex("a(b)"))).isTrue();
    }

    @Test
    void userValuesAreBindParametersNeverSqlText() {
        AllocationRule rule = new AllocationRule(UUID.randomUUID(), "x", List.of(new AllocationRule.Condition(
                AllocationRule.Field.TAG, "Team", AllocationRule.Op.EQUALS, List.of("a'; drop table cost_rows; --"))),
                new AllocationRule.Assignments(new AllocationRule.Assignment("evil'", null), null, null, null));
        AllocationSql sql = new AllocationSql(List.of(rule), new TagKeys(Map.of()), Map.of("team", List.of("Team'--")));

        String update = sql.update("cost_stage", "true");

        assertThat(update).doesNotContain("drop table", "evil", "Team'");
        assertThat(sql.params().values()).contains("a'; drop table cost_rows; --", "evil'", "Team'--");
    }

    @Test
    void aTagNoRowCarriesMatchesNothing() {
        AllocationRule rule = new AllocationRule(UUID.randomUUID(), "x", List.of(new AllocationRule.Condition(
                AllocationRule.Field.TAG, "team", AllocationRule.Op.EXISTS, List.of())),
                new AllocationRule.Assignments(null, new AllocationRule.Assignment(null, "project"), null, null));
        AllocationSql sql = new AllocationSql(List.of(rule), new TagKeys(Map.of()), Map.of());

        assertThat(sql.ruleIndex()).isEqualTo("case when (null::text is not null) then 1 end");
        assertThat(sql.allocation().get(2)).isEqualTo("case i when 1 then null::text end");
    }
}
