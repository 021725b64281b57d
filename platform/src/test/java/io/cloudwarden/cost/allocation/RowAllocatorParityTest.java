package io.cloudwarden.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.cost.allocation.AllocationRule.Assignment;
import io.cloudwarden.cost.allocation.AllocationRule.Assignments;
import io.cloudwarden.cost.allocation.AllocationRule.Condition;
import io.cloudwarden.cost.allocation.AllocationRule.Field;
import io.cloudwarden.cost.allocation.AllocationRule.Op;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.PlatformTest;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads allocate rows in Java ({@link RowAllocator}); re-allocation does it in SQL ({@link AllocationSql}). Both must
 * give every row the same allocation: rows loaded with the rules in place are re-allocated in SQL by the same rules,
 * and nothing may change.
 */
@PlatformTest
class RowAllocatorParityTest {

    @Autowired
    CostLedger ledger;
    @Autowired
    AllocationApplier applier;
    @Autowired
    AllocationRuleStore store;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void javaAndSqlAllocateEveryRowAlike() {
        TenantId tenant = identity.createTenant("parity-" + UUID.randomUUID().toString().substring(0, 8), "CUSTOMER", null).id();
        List<AllocationRule> rules = List.of(
                rule("payments by tag, any spelling", List.of(new Condition(Field.TAG, "Cost-Center", Op.EQUALS, List.of("PAY-1"))),
                        new Assignments(new Assignment("payments", null), null, new Assignment(null, "env"), new Assignment(null, "cost_center"))),
                rule("databases by glob", List.of(new Condition(Field.SERVICE_NAME, null, Op.GLOB, List.of("*rds*", "Cloud SQL"))),
                        new Assignments(new Assignment("data", null), new Assignment(null, "project"), null, null)),
                rule("eu regions by regex", List.of(new Condition(Field.REGION, null, Op.REGEX, List.of("^eu-(west|central)-[0-9]$")),
                        new Condition(Field.TAG, "owner", Op.EXISTS, null)),
                        new Assignments(new Assignment(null, "owner"), null, new Assignment("prod", null), null)),
                rule("untagged compute", List.of(new Condition(Field.TAG, "team", Op.MISSING, null),
                        new Condition(Field.RESOURCE_TYPE, null, Op.EQUALS, List.of("virtual machine"))),
                        new Assignments(new Assignment("platform", null), null, null, null)),
                rule("names", List.of(new Condition(Field.RESOURCE_NAME, null, Op.GLOB, List.of("web-??-*"))),
                        new Assignments(new Assignment("web", null), null, null, null)));
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> store.replace(tenant, rules, "test")));

        String[] tags = {null, "{}", "{\"costcenter\":\"pay-1\",\"env\":\"prod\"}", "{\"Cost_Center\":\"PAY-1\",\"CostCenter\":\"other\",\"Env\":\"dev\"}",
                "{\"CostCenter\":\"PAY-1\",\"cost-center\":\"x\"}", "{\"owner\":\"alice\"}", "{\"owner\":42,\"team\":\"t\"}",
                "{\"Owner\":null,\"owner\":\"bob\"}", "{\"project\":\"p1\",\"Team\":\"x\"}", "{\"cost center\":\"pay-1\",\"ENV\":\"qa\"}"};
        String[] services = {"Amazon RDS", "Cloud SQL", "cloud sql", "Amazon EC2", "Virtual Machines", "AmazonRDSService"};
        String[] regions = {"eu-west-1", "eu-central-1", "eu-west-10", "us-east-1", null, "EU-WEST-1"};
        String[] types = {"Virtual Machine", "virtual machine", "bucket", null};
        String[] names = {"web-01-a", "web-1-a", "WEB-02-b", "db-1", null};
        ledger.load(tenant, newImport(tenant), w -> {
            long n = 0;
            for (String t : tags) {
                for (String svc : services) {
                    for (String region : regions) {
                        n++;
                        w.write(row(n, t, svc, region, types[(int) (n % types.length)], names[(int) (n % names.length)]));
                    }
                }
            }
        });
        List<String> loaded = allocations(tenant);
        assertThat(loaded).hasSize(tags.length * services.length * regions.length);
        assertThat(loaded.stream().distinct().count()).as("the rules allocate in many different ways").isGreaterThan(8);

        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> applier.reallocateMonth(tenant, YearMonth.of(2025, 3),
                store.list(tenant))));

        assertThat(allocations(tenant)).containsExactlyElementsOf(loaded);
    }

    private List<String> allocations(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("""
                select source_row || ' ' || coalesce(alloc_rule_id::text, '-') || ' ' || coalesce(alloc_team, '-') || ' '
                  || coalesce(alloc_project, '-') || ' ' || coalesce(alloc_environment, '-') || ' ' || coalesce(alloc_cost_center, '-')
                from cost_rows order by source_row""").query(String.class).list());
    }

    private static AllocationRule rule(String name, List<Condition> conditions, Assignments assign) {
        return new AllocationRule(null, name, conditions, assign);
    }

    private UUID newImport(TenantId tenant) {
        UUID id = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> jdbc.sql("""
                insert into cost_imports (id, tenant_id, source, file_name, status, requested_by)
                values (?, ?, 'CLI', 'parity.csv', 'RUNNING', 'test')""").params(id, tenant.value()).update());
        return id;
    }

    private static FocusRow row(long n, String tags, String service, String region, String type, String name) {
        return new FocusRow(n)
                .set(FocusColumn.BILLING_ACCOUNT_ID, "acct-parity")
                .set(FocusColumn.BILLING_CURRENCY, "USD")
                .set(FocusColumn.BILLING_PERIOD_START, "2025-03-01T00:00:00Z")
                .set(FocusColumn.BILLING_PERIOD_END, "2025-04-01T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_START, "2025-03-05T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_END, "2025-03-06T00:00:00Z")
                .set(FocusColumn.SERVICE_NAME, service)
                .set(FocusColumn.REGION_ID, region)
                .set(FocusColumn.RESOURCE_TYPE, type)
                .set(FocusColumn.RESOURCE_NAME, name)
                .set(FocusColumn.BILLED_COST, "1")
                .set(FocusColumn.TAGS, tags);
    }
}
