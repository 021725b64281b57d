package io.cloudwarden.cost;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A fresh tenant with an admin user logged in over HTTP, and helpers to load cost rows into its ledger. */
public final class CostFixtures {

    public static final String PASSWORD = "cost-test-password-123";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final TenantId tenant;
    public final ApiClient api;
    private final CostLedger ledger;
    private final JdbcClient jdbc;

    public CostFixtures(IdentityManagement identity, CostLedger ledger, JdbcClient jdbc, int port) {
        String name = "cost-" + UUID.randomUUID().toString().substring(0, 8);
        this.tenant = identity.createTenant(name, "CUSTOMER", null).id();
        identity.createUser(tenant, name, PASSWORD, List.of("ADMIN"));
        this.api = new ApiClient(port).login(name, PASSWORD);
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /**
     * Waits for a re-allocation job (a real background job) to succeed; fails on FAILED or after 10 s.
     */
    public static void awaitReallocation(ApiClient api, String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String status = api.get("/api/v1/cost/allocation/reallocations/" + id).body().get("status").asString();
            if (status.equals("SUCCEEDED")) {
                return;
            }
            if (status.equals("FAILED")) {
                throw new AssertionError("re-allocation " + id + " failed");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("re-allocation " + id + " did not finish in 10 s");
    }

    /** Loads rows as one import. */
    public CostLedger.LoadResult load(FocusRow... rows) {
        UUID id = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> jdbc.sql("""
                insert into cost_imports (id, tenant_id, source, file_name, status, requested_by)
                values (?, ?, 'CLI', 'test.csv', 'RUNNING', 'test')""").params(id, tenant.value()).update());
        return ledger.load(tenant, id, w -> {
            for (FocusRow r : rows) {
                w.write(r);
            }
        });
    }

    /** A one-day usage row of {@code day}, billed = effective = {@code cost} unless changed with {@code more}. */
    public static FocusRow row(long n, String account, LocalDate day, String service, String cost, Map<String, String> tags,
                               Consumer<FocusRow> more) {
        LocalDate period = day.withDayOfMonth(1);
        FocusRow r = new FocusRow(n)
                .set(FocusColumn.BILLING_ACCOUNT_ID, account)
                .set(FocusColumn.BILLING_CURRENCY, "USD")
                .set(FocusColumn.BILLING_PERIOD_START, period + "T00:00:00Z")
                .set(FocusColumn.BILLING_PERIOD_END, period.plusMonths(1) + "T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_START, day + "T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_END, day.plusDays(1) + "T00:00:00Z")
                .set(FocusColumn.SERVICE_NAME, service)
                .set(FocusColumn.PROVIDER_NAME, "AWS")
                .set(FocusColumn.CHARGE_CATEGORY, "Usage")
                .set(FocusColumn.BILLED_COST, cost)
                .set(FocusColumn.EFFECTIVE_COST, cost)
                .set(FocusColumn.TAGS, tags.isEmpty() ? null : JSON.writeValueAsString(tags));
        if (more != null) {
            more.accept(r);
        }
        return r;
    }

    public static FocusRow row(long n, String account, LocalDate day, String service, String cost, Map<String, String> tags) {
        return row(n, account, day, service, cost, tags, null);
    }

    public BigDecimal sum(String sql, Object... params) {
        return TenantContext.callAs(tenant, () -> jdbc.sql(sql).params(params).query(BigDecimal.class).optional().orElse(null));
    }

    public <T> List<T> list(String sql, Class<T> type, Object... params) {
        return TenantContext.callAs(tenant, () -> jdbc.sql(sql).params(params).query(type).list());
    }
}
