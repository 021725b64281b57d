package io.cloudwarden.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V6_40 turns budgets of the former FILTER scope into SAVED_FILTER budgets whose saved filter means the same. */
class FilterScopeMigrationTest {

    static final String APP_USER = "cw_migration_test_app";

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration")
                .placeholders(Map.of("appUser", APP_USER)).target(target).load();
    }

    @Test
    void filterBudgetsBecomeSavedFilterBudgets() {
        String url = TestDatabase.newDatabase();
        JdbcTemplate db = TestDatabase.owner(url);
        db.execute("do $$ begin create role " + APP_USER + "; exception when duplicate_object then null; end $$");
        flyway(url, "6.20").migrate();
        UUID tenant = UUID.randomUUID();
        UUID filtered = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        db.update("insert into tenants (id, name, kind) values (?, 'acme', 'CUSTOMER')", tenant);
        String insert = """
                insert into cost_budgets (id, tenant_id, name, scope_type, scope_value, scope_filter, period, amount, currency, thresholds, created_by)
                values (?, ?, ?, ?, ?, cast(? as jsonb), 'MONTHLY', 100, 'USD', '{"actual":[50],"projected":[]}', 'user:1')""";
        db.update(insert, filtered, tenant, "compute", "FILTER", null,
                "{\"serviceName\": [\"AmazonEC2\", \"AmazonS3\"], \"billingAccountId\": [\"a1\"], \"costCenter\": [\"cc-7\"]}");
        db.update(insert, team, tenant, "payments", "TEAM", "payments", null);

        flyway(url, "latest").migrate();

        Map<String, Object> b = db.queryForMap("select scope_type, scope_saved_filter_id from cost_budgets where id = ?", filtered);
        assertThat(b.get("scope_type")).isEqualTo("SAVED_FILTER");
        Map<String, Object> f = db.queryForMap("select tenant_id, name, filters::text filters, created_by from cost_saved_filters where id = ?",
                b.get("scope_saved_filter_id"));
        assertThat(f.get("tenant_id")).isEqualTo(tenant);
        assertThat(f.get("name")).isEqualTo("Budget compute");
        assertThat(f.get("created_by")).isEqualTo("user:1");
        assertThat(f.get("filters")).isEqualTo("[\"account=a1\", \"costCenter=cc-7\", \"service=AmazonEC2\", \"service=AmazonS3\"]");
        assertThat(db.queryForList("select scope_type || ':' || coalesce(scope_value, '') from cost_budgets where id = ?", String.class, team))
                .isEqualTo(List.of("TEAM:payments"));
        assertThat(db.queryForObject("select count(*) from cost_saved_filters", Integer.class)).isEqualTo(1);
    }
}
