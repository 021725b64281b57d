package io.cloudwarden.cost.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.PlatformTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class CostLedgerTest {

    @Autowired
    CostLedger ledger;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerPartitions partitions;
    @Autowired
    io.cloudwarden.shared.persistence.BulkLoaderRole loader;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    TenantId tenant;

    /** Whether this class's loads must write straight into the ledger (the staged subclass says no). */
    boolean expectDirect() {
        return true;
    }

    @BeforeEach
    void tenant() {
        assertThat(ledger.direct()).isEqualTo(expectDirect());
        tenant = identity.createTenant("cost-" + UUID.randomUUID().toString().substring(0, 8), "CUSTOMER", null).id();
    }

    @Test
    void loadStoresRowsAndMaintainsTheDailyRollup() {
        UUID load = newImport();
        var result = ledger.load(tenant, load, w -> {
            w.write(row(1, "acct-1", "2025-01", "2025-01-03", "EC2", "10.50", "8.25"));
            w.write(row(2, "acct-1", "2025-01", "2025-01-03", "EC2", "1.50", "1.25"));
            w.write(row(3, "acct-1", "2025-01", "2025-01-04", "S3", "2", "2"));
            w.write(row(4, "acct-1", "2025-02", "2025-02-01", "S3", "4", "4"));
        });

        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.periods()).extracting(CostLedger.PeriodReplaced::billingPeriodStart)
                .containsExactly(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"));
        assertThat(sum("select sum(billed_cost) from cost_rows")).isEqualByComparingTo("18.00");
        assertThat(sum("select sum(billed_cost) from cost_daily_rollup where day = '2025-01-03' and service_name = 'EC2'"))
                .isEqualByComparingTo("12.00");
        assertThat(sum("select sum(effective_cost) from cost_daily_rollup where day = '2025-01-03'")).isEqualByComparingTo("9.50");
        assertThat(sum("select sum(row_count) from cost_daily_rollup")).isEqualByComparingTo("4");
        assertThat(sum("select count(*) from cost_periods")).isEqualByComparingTo("2");
        String tags = TenantContext.callAs(tenant, () -> jdbc.sql("select tags::text from cost_rows where source_row = 1")
                .query(String.class).single());
        assertThat(tags).contains("\"team\": \"payments\"");
    }

    @Test
    void reloadingAPeriodReplacesItAndLeavesOtherPeriodsAlone() {
        ledger.load(tenant, newImport(), w -> {
            w.write(row(1, "acct-1", "2025-01", "2025-01-03", "EC2", "10", "10"));
            w.write(row(2, "acct-1", "2025-01", "2025-01-20", "EC2", "10", "10"));
            w.write(row(3, "acct-1", "2025-02", "2025-02-02", "EC2", "7", "7"));
            w.write(row(4, "acct-2", "2025-01", "2025-01-03", "EC2", "5", "5"));
        });
        UUID second = newImport();
        var result = ledger.load(tenant, second, w -> w.write(row(1, "acct-1", "2025-01", "2025-01-05", "EC2", "3", "3")));

        assertThat(result.periods()).containsExactly(
                new CostLedger.PeriodReplaced("acct-1", LocalDate.parse("2025-01-01"), 1, 2));
        assertThat(sum("select sum(billed_cost) from cost_rows where billing_account_id = 'acct-1'")).isEqualByComparingTo("10");
        assertThat(sum("select sum(billed_cost) from cost_rows where billing_account_id = 'acct-2'")).isEqualByComparingTo("5");
        // the replaced period's old days are gone from the rollup too, not just overwritten where new rows fall
        assertThat(sum("select coalesce(sum(billed_cost), 0) from cost_daily_rollup where day = '2025-01-20'")).isEqualByComparingTo("0");
        assertThat(sum("select sum(billed_cost) from cost_daily_rollup where billing_account_id = 'acct-1'")).isEqualByComparingTo("10");
        assertThat(sum("select sum(billed_cost) from cost_daily_rollup")).isEqualByComparingTo("15");
        UUID supplier = TenantContext.callAs(tenant, () -> jdbc.sql(
                "select import_id from cost_periods where billing_account_id = 'acct-1' and billing_period_start = '2025-01-01'")
                .query(UUID.class).single());
        assertThat(supplier).isEqualTo(second);
    }

    @Test
    void aFailedLoadLeavesTheLedgerAsItWas() {
        ledger.load(tenant, newImport(), w -> w.write(row(1, "acct-1", "2025-01", "2025-01-03", "EC2", "10", "10")));

        assertThatThrownBy(() -> ledger.load(tenant, newImport(), w -> {
            w.write(row(1, "acct-1", "2025-01", "2025-01-03", "EC2", "99", "99"));
            throw new IOException("the upload was cut off");
        })).hasRootCauseMessage("the upload was cut off");
        assertThatThrownBy(() -> ledger.load(tenant, newImport(), w -> w.write(
                row(1, "acct-1", "2025-01", "2025-01-03", "EC2", "not-a-number", "1"))))
                .isInstanceOf(CostLedger.LedgerWriteException.class);
        assertThatThrownBy(() -> ledger.load(tenant, newImport(), w -> w.write(
                row(7, "acct-1", "2025-01", "2025-01-03", "EC2", "1", "1").set(FocusColumn.BILLING_CURRENCY, null))))
                .hasMessageContaining("row 7 has no BillingCurrency");

        assertThat(sum("select sum(billed_cost) from cost_rows")).isEqualByComparingTo("10");
        assertThat(sum("select sum(billed_cost) from cost_daily_rollup")).isEqualByComparingTo("10");
    }

    @Test
    void readersNeverSeeAHalfReplacedPeriod() throws Exception {
        int rows = 60_000;
        ledger.load(tenant, newImport(), w -> bulk(w, rows, "1"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                seen.add(sum("select sum(billed_cost) from cost_rows where billing_account_id = 'bulk'").stripTrailingZeros().toPlainString());
                seen.add("rollup:" + sum("select sum(billed_cost) from cost_daily_rollup where billing_account_id = 'bulk'")
                        .stripTrailingZeros().toPlainString());
            }
        });
        reader.start();
        ledger.load(tenant, newImport(), w -> bulk(w, rows, "2"));
        done.set(true);
        reader.join();

        assertThat(seen).isSubsetOf("60000", "120000", "rollup:60000", "rollup:120000");
        assertThat(sum("select sum(billed_cost) from cost_rows")).isEqualByComparingTo("120000");
    }

    @Test
    void partitionsAreReachableOnlyThroughTheTableWithRowLevelSecurity() {
        // 2031 is outside the window of partitions kept ready: the row waits in the default partition
        ledger.load(tenant, newImport(), w -> w.write(row(1, "acct-1", "2031-07", "2031-07-03", "EC2", "1", "1")));
        assertThat(jdbc.sql("select count(*) from pg_class where relname = 'cost_rows_2031_07'").query(Long.class).single()).isZero();
        assertThat(sum("select sum(billed_cost) from cost_rows where billing_account_id = 'acct-1'")).isEqualByComparingTo("1");
        assertThat(partitionOf("acct-1")).isEqualTo("cost_rows_default");

        // once the month's partition is created it takes the row over, and the row is still only reachable through cost_rows
        partitions.ensure(java.time.LocalDate.parse("2031-07-01"), java.time.LocalDate.parse("2031-07-01"));
        assertThat(jdbc.sql("select count(*) from pg_class where relname = 'cost_rows_2031_07'").query(Long.class).single()).isOne();
        assertThat(partitionOf("acct-1")).isEqualTo("cost_rows_2031_07");
        assertThat(sum("select sum(billed_cost) from cost_rows where billing_account_id = 'acct-1'")).isEqualByComparingTo("1");
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> jdbc.sql("select count(*) from cost_rows_2031_07")
                .query(Long.class).single())).rootCause().hasMessageContaining("permission denied");
        TenantId other = identity.createTenant("cost-other-" + UUID.randomUUID().toString().substring(0, 8), "CUSTOMER", null).id();
        assertThat(TenantContext.callAs(other, () -> jdbc.sql("select count(*) from cost_rows").query(Long.class).single())).isZero();
    }

    @Test
    void theBulkLoaderRoleMayInsertButNotReadChangeOrDelete() {
        String role = loader.role().orElseThrow();
        ledger.load(tenant, newImport(), w -> w.write(row(1, "acct-1", "2025-01", "2025-01-03", "EC2", "1", "1")));
        for (String sql : List.of("select count(*) from cost_rows", "delete from cost_rows", "update cost_rows set billed_cost = 0",
                "select count(*) from cost_imports", "select count(*) from users")) {
            assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> {
                jdbc.sql("set local role " + role).update();
                jdbc.sql(sql).update();
            }))).as(sql).rootCause().hasMessageContaining("permission denied");
        }
        assertThat(sum("select sum(billed_cost) from cost_rows")).isEqualByComparingTo("1");
    }

    private String partitionOf(String account) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select distinct tableoid::regclass::text from cost_rows where billing_account_id = ?")
                .param(account).query(String.class).single());
    }

    private static void bulk(CostLedger.Writer w, int rows, String cost) {
        for (int i = 0; i < rows; i++) {
            w.write(row(i + 1, "bulk", "2025-03", "2025-03-" + String.format("%02d", 1 + i % 28), "EC2", cost, cost));
        }
    }

    private UUID newImport() {
        UUID id = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> jdbc.sql("""
                insert into cost_imports (id, tenant_id, source, file_name, status, requested_by)
                values (?, ?, 'CLI', 'test.csv', 'RUNNING', 'test')""").params(id, tenant.value()).update());
        return id;
    }

    private BigDecimal sum(String sql) {
        return TenantContext.callAs(tenant, () -> jdbc.sql(sql).query(BigDecimal.class).single());
    }

    static FocusRow row(long n, String account, String period, String day, String service, String billed, String effective) {
        LocalDate start = LocalDate.parse(period + "-01");
        return new FocusRow(n)
                .set(FocusColumn.BILLING_ACCOUNT_ID, account)
                .set(FocusColumn.BILLING_CURRENCY, "USD")
                .set(FocusColumn.BILLING_PERIOD_START, start + "T00:00:00Z")
                .set(FocusColumn.BILLING_PERIOD_END, start.plusMonths(1) + "T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_START, day + "T00:00:00Z")
                .set(FocusColumn.CHARGE_PERIOD_END, LocalDate.parse(day).plusDays(1) + "T00:00:00Z")
                .set(FocusColumn.SERVICE_NAME, service)
                .set(FocusColumn.PROVIDER_NAME, "AWS")
                .set(FocusColumn.CHARGE_CATEGORY, "Usage")
                .set(FocusColumn.BILLED_COST, billed)
                .set(FocusColumn.EFFECTIVE_COST, effective)
                .set(FocusColumn.TAGS, "{\"team\":\"payments\"}")
                .extension("x_Operation", "RunInstances");
    }
}
