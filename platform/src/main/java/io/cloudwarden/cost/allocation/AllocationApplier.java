package io.cloudwarden.cost.allocation;

import io.cloudwarden.shared.TenantId;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies allocation rules to cost rows (ADR 29): in Java to the rows of a ledger load ({@link #allocator}), and with
 * set-based SQL to a month of stored rows when rules change. The first rule (lowest position) whose conditions all match a row sets
 * the row's allocation dimensions and {@code alloc_rule_id}; a row no rule matches is unallocated.
 */
@Component
@EnableConfigurationProperties(AllocationProperties.class)
public class AllocationApplier {

    private final JdbcClient jdbc;
    private final AllocationRuleStore store;
    private final TagKeys keys;

    AllocationApplier(JdbcClient jdbc, AllocationRuleStore store, AllocationProperties props) {
        this.jdbc = jdbc;
        this.store = store;
        this.keys = props.tagKeys();
    }

    /**
     * The tenant's current rules as a {@link RowAllocator}, which a ledger load applies to each row as it streams by
     * (ADR 35). Without rules it allocates nothing: rows are unallocated.
     */
    public RowAllocator allocator(TenantId tenant) {
        return RowAllocator.of(store.list(tenant), keys);
    }

    /**
     * Re-applies the tenant's current rules to one month of stored rows (by charge period start); the caller owns
     * the transaction and rebuilds the rollups. Returns the number of rows rewritten.
     */
    long reallocateMonth(TenantId tenant, YearMonth month, List<AllocationRule> rules) {
        String where = monthWhere();
        Map<String, Object> scope = monthParams(tenant, month);
        AllocationSql sql = sqlFor(rules, "cost_rows", where, scope);
        String update = sql.update("cost_rows", where); // generating the text registers the parameters
        Map<String, Object> params = new LinkedHashMap<>(sql.params());
        params.putAll(scope);
        return jdbc.sql(update).params(params).update();
    }

    /** Builds the SQL for {@code rules}, looking up which raw tag-key variants the rows in scope use. */
    AllocationSql sqlFor(List<AllocationRule> rules, String table, String where, Map<String, Object> whereParams) {
        Set<String> used = AllocationSql.tagKeysUsed(rules, keys);
        Map<String, List<String>> variants = Map.of();
        if (!used.isEmpty()) {
            List<String> raw = jdbc.sql("select distinct k from " + table + " cross join lateral jsonb_object_keys(tags) k "
                    + "where jsonb_typeof(tags) = 'object' and " + where).params(whereParams).query(String.class).list();
            variants = keys.variants(raw);
        }
        return new AllocationSql(rules, keys, variants);
    }

    /** Rows of the tenant whose charge period starts in the month (named params tenant, monthStart, monthEnd). */
    public static String monthWhere() {
        return "tenant_id = :tenant and charge_period_start >= cast(:monthStart as date)::timestamp at time zone 'UTC'"
                + " and charge_period_start < cast(:monthEnd as date)::timestamp at time zone 'UTC'";
    }

    /** Parameters of {@link #monthWhere()}. */
    public static Map<String, Object> monthParams(TenantId tenant, YearMonth month) {
        return Map.of("tenant", tenant.value(), "monthStart", month.atDay(1), "monthEnd", month.plusMonths(1).atDay(1));
    }


    /** SQL for "the 1-based index of the first condition list matching the row" (null: none), and its parameters. */
    public record Matcher(String indexExpression, Map<String, Object> params) {
    }

    /** A {@link Matcher} over rows of {@code cost_rows} in scope ({@code where} with {@code whereParams}). */
    public Matcher matcher(List<List<AllocationRule.Condition>> conditionSets, String where, Map<String, Object> whereParams) {
        List<AllocationRule> rules = conditionSets.stream().map(c -> new AllocationRule(java.util.UUID.randomUUID(), "", c,
                new AllocationRule.Assignments(null, null, null, null))).toList();
        AllocationSql sql = sqlFor(rules, "cost_rows", where, whereParams);
        String index = sql.ruleIndex();
        return new Matcher(index, sql.params());
    }

    /** The rules' validation of conditions, for other rule kinds that match rows the same way. */
    public void validateConditions(String path, List<AllocationRule.Condition> conditions, java.util.function.Consumer<List<io.cloudwarden.shared.FieldProblem>> sink) {
        RuleValidation v = new RuleValidation(this::regexAccepted);
        v.conditions(path, conditions);
        sink.accept(v.problems());
    }

    /** Both engines must accept a pattern: loads match in Java, re-allocation in PostgreSQL (ADR 35). */
    boolean regexAccepted(String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
            jdbc.sql("select '' ~ cast(? as text)").param(regex).query(Boolean.class).single();
            return true;
        } catch (org.springframework.dao.DataAccessException | java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }
}
