package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Budgets and their recorded threshold crossings (callers run in the tenant's context). */
@Repository
class BudgetStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Budget> list(TenantId tenant) {
        return jdbc.sql("select * from cost_budgets where tenant_id = ? order by name").param(tenant.value()).query(BudgetStore::map).list();
    }

    Budget get(TenantId tenant, UUID id) {
        return jdbc.sql("select * from cost_budgets where tenant_id = ? and id = ?").params(tenant.value(), id).query(BudgetStore::map)
                .optional().orElseThrow(() -> new CloudwardenException(CostErrorCode.BUDGET_NOT_FOUND, "budget " + id + " was not found"));
    }

    void insert(TenantId tenant, Budget b, String actor) {
        try {
            jdbc.sql("""
                    insert into cost_budgets (id, tenant_id, name, scope_type, scope_value, scope_saved_filter_id, period, amount, monthly_amounts,
                      currency, thresholds, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?)""")
                    .params(b.id(), tenant.value(), b.name(), b.scope().type().name(), b.scope().value(), b.scope().savedFilterId(),
                            b.period().name(), b.amount(), json(b.monthlyAmounts()), b.currency(), json(b.thresholds()), actor)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(b.name());
        }
    }

    void update(TenantId tenant, Budget b) {
        try {
            int n = jdbc.sql("""
                    update cost_budgets set name = ?, scope_type = ?, scope_value = ?, scope_saved_filter_id = ?, period = ?,
                      amount = ?, monthly_amounts = cast(? as jsonb), currency = ?, thresholds = cast(? as jsonb), updated_at = now()
                    where tenant_id = ? and id = ?""")
                    .params(b.name(), b.scope().type().name(), b.scope().value(), b.scope().savedFilterId(), b.period().name(), b.amount(),
                            json(b.monthlyAmounts()), b.currency(), json(b.thresholds()), tenant.value(), b.id())
                    .update();
            if (n == 0) {
                throw new CloudwardenException(CostErrorCode.BUDGET_NOT_FOUND, "budget " + b.id() + " was not found");
            }
        } catch (DuplicateKeyException e) {
            throw taken(b.name());
        }
    }

    /** Names of the budgets scoped by a saved filter. */
    List<String> usingSavedFilter(TenantId tenant, UUID savedFilter) {
        return jdbc.sql("select name from cost_budgets where tenant_id = ? and scope_saved_filter_id = ? order by name")
                .params(tenant.value(), savedFilter).query(String.class).list();
    }

    boolean delete(TenantId tenant, UUID id) {
        return jdbc.sql("delete from cost_budgets where tenant_id = ? and id = ?").params(tenant.value(), id).update() > 0;
    }

    /** Records a crossing; false when it was recorded before (the unique key decides, also between concurrent evaluations). */
    boolean recordCrossing(TenantId tenant, UUID budget, java.time.LocalDate periodStart, String kind, BigDecimal threshold,
                           BigDecimal amount, BigDecimal spend) {
        return jdbc.sql("""
                insert into cost_budget_crossings (tenant_id, budget_id, period_start, kind, threshold, amount, spend)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenant.value(), budget, periodStart, kind, threshold.stripTrailingZeros(), amount, spend).update() == 1;
    }

    /** Crossings recorded for a period: "KIND:threshold" → when. */
    Map<String, java.time.Instant> crossings(TenantId tenant, UUID budget, java.time.LocalDate periodStart) {
        Map<String, java.time.Instant> out = new java.util.HashMap<>();
        jdbc.sql("select kind, threshold, crossed_at from cost_budget_crossings where tenant_id = ? and budget_id = ? and period_start = ?")
                .params(tenant.value(), budget, periodStart)
                .query(rs -> {
                    out.put(rs.getString(1) + ":" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString(), rs.getTimestamp(3).toInstant());
                });
        return out;
    }

    private static CloudwardenException taken(String name) {
        return new CloudwardenException(CostErrorCode.BUDGET_NAME_TAKEN, "a budget named " + name + " exists already");
    }

    private static String json(Object o) {
        return o == null ? null : JSON.writeValueAsString(o);
    }

    private static Budget map(ResultSet rs, int n) throws SQLException {
        String monthly = rs.getString("monthly_amounts");
        return new Budget(rs.getObject("id", UUID.class), rs.getString("name"),
                new Budget.Scope(Budget.ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_value"),
                        rs.getObject("scope_saved_filter_id", UUID.class)),
                Budget.Period.valueOf(rs.getString("period")), rs.getBigDecimal("amount"),
                monthly == null ? null : JSON.readValue(monthly, new TypeReference<Map<String, BigDecimal>>() {
                }), rs.getString("currency"), JSON.readValue(rs.getString("thresholds"), Budget.Thresholds.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
