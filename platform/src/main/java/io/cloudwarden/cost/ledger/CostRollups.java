package io.cloudwarden.cost.ledger;

import io.cloudwarden.shared.TenantId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Maintains {@code cost_daily_rollup} and {@code cost_resource_daily}, the tables dashboards and the explorer read
 * (ADR 31). A row's cost counts on the UTC day its charge period starts. Rebuilding recomputes a billing account's
 * days from the rows stored for them, so it is correct whatever else changed in those days; callers run it in the
 * transaction that changed the rows. A day may have several rollup rows with the same dimensions (readers sum).
 */
@Repository
public class CostRollups {

    private final JdbcClient jdbc;

    CostRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the rollup of one billing account for the UTC days {@code from} to {@code to}, inclusive. */
    public void rebuild(TenantId tenant, String billingAccountId, LocalDate from, LocalDate to) {
        delete(tenant, billingAccountId, from, to);
        String source = """
                (select * from cost_rows where tenant_id = ? and billing_account_id = ?
                  and charge_period_start >= (?::date)::timestamp at time zone 'UTC'
                  and charge_period_start < ((?::date) + 1)::timestamp at time zone 'UTC') r""";
        insert(source, tenant.value(), billingAccountId, from, to);
    }

    /**
     * Recomputes the rollup of one billing account for the days a load touched, in the load's transaction after its
     * rows were inserted: the load's own rows are aggregated from the staging table (no second pass over the
     * ledger), and rows of the account's other billing periods that fall in those days from the ledger.
     */
    void rebuildAfterLoad(TenantId tenant, String billingAccountId, LocalDate from, LocalDate to, List<LocalDate> stagedPeriods) {
        delete(tenant, billingAccountId, from, to);
        insert("(select * from cost_stage where billing_account_id = ?) r", billingAccountId);
        java.sql.Timestamp[] periods = stagedPeriods.stream()
                .map(p -> java.sql.Timestamp.from(p.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())).toArray(java.sql.Timestamp[]::new);
        insert("""
                (select * from cost_rows where tenant_id = ? and billing_account_id = ?
                  and charge_period_start >= (?::date)::timestamp at time zone 'UTC'
                  and charge_period_start < ((?::date) + 1)::timestamp at time zone 'UTC'
                  and billing_period_start <> all(?)) r""", tenant.value(), billingAccountId, from, to, periods);
    }

    private void delete(TenantId tenant, String billingAccountId, LocalDate from, LocalDate to) {
        jdbc.sql("delete from cost_daily_rollup where tenant_id = ? and billing_account_id = ? and day between ? and ?")
                .params(tenant.value(), billingAccountId, from, to).update();
        jdbc.sql("delete from cost_resource_daily where tenant_id = ? and billing_account_id = ? and day between ? and ?")
                .params(tenant.value(), billingAccountId, from, to).update();
    }

    /** Aggregates the rows of {@code source} (a parenthesised subquery aliased r) into both rollups. */
    private void insert(String source, Object... params) {
        jdbc.sql("""
                insert into cost_daily_rollup (tenant_id, day, billing_account_id, sub_account_id, provider_name, service_name,
                  service_category, region_id, charge_category, pricing_category, billing_currency, alloc_team, alloc_project,
                  alloc_environment, alloc_cost_center, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
                select tenant_id, (charge_period_start at time zone 'UTC')::date, billing_account_id, coalesce(sub_account_id, ''),
                  coalesce(provider_name, ''), coalesce(service_name, ''), coalesce(service_category, ''), coalesce(region_id, ''),
                  coalesce(charge_category, ''), coalesce(pricing_category, ''), billing_currency, coalesce(alloc_team, ''),
                  coalesce(alloc_project, ''), coalesce(alloc_environment, ''), coalesce(alloc_cost_center, ''),
                  sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0), coalesce(sum(contracted_cost), 0),
                  count(*)
                from""" + " " + source + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15")
                .params(params).update();
        jdbc.sql("""
                insert into cost_resource_daily (tenant_id, day, billing_account_id, resource_id, resource_name, resource_type,
                  provider_name, service_name, region_id, alloc_team, billing_currency, billed_cost, effective_cost, list_cost,
                  contracted_cost, row_count)
                select tenant_id, (charge_period_start at time zone 'UTC')::date, billing_account_id, resource_id,
                  coalesce(max(resource_name), ''), coalesce(max(resource_type), ''), coalesce(max(provider_name), ''),
                  coalesce(max(service_name), ''), coalesce(max(region_id), ''), coalesce(alloc_team, ''), billing_currency,
                  sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0), coalesce(sum(contracted_cost), 0),
                  count(*)
                from""" + " " + source + " where resource_id is not null"
                + " group by tenant_id, 2, billing_account_id, resource_id, coalesce(alloc_team, ''), billing_currency")
                .params(params).update();
    }
}
