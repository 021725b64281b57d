package io.cloudwarden.cost.ledger;

import io.cloudwarden.shared.TenantId;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Maintains {@code cost_daily_rollup} and {@code cost_resource_daily}, the tables dashboards and the explorer read
 * (ADR 31). A row's cost counts on the UTC day its charge period starts. Rebuilding recomputes a billing account's
 * days from {@code cost_rows}, so it is correct whatever else changed in those days; callers run it in the
 * transaction that changed the rows.
 */
@Repository
public class CostRollups {

    private final JdbcClient jdbc;

    CostRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the rollup of one billing account for the UTC days {@code from} to {@code to}, inclusive. */
    public void rebuild(TenantId tenant, String billingAccountId, LocalDate from, LocalDate to) {
        jdbc.sql("delete from cost_daily_rollup where tenant_id = ? and billing_account_id = ? and day between ? and ?")
                .params(tenant.value(), billingAccountId, from, to).update();
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
                from cost_rows
                where tenant_id = ? and billing_account_id = ?
                  and charge_period_start >= (?::date)::timestamp at time zone 'UTC'
                  and charge_period_start < ((?::date) + 1)::timestamp at time zone 'UTC'
                group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15""")
                .params(tenant.value(), billingAccountId, from, to).update();
        jdbc.sql("delete from cost_resource_daily where tenant_id = ? and billing_account_id = ? and day between ? and ?")
                .params(tenant.value(), billingAccountId, from, to).update();
        jdbc.sql("""
                insert into cost_resource_daily (tenant_id, day, billing_account_id, resource_id, resource_name, resource_type,
                  provider_name, service_name, region_id, alloc_team, billing_currency, billed_cost, effective_cost, list_cost,
                  contracted_cost, row_count)
                select tenant_id, (charge_period_start at time zone 'UTC')::date, billing_account_id, resource_id,
                  coalesce(max(resource_name), ''), coalesce(max(resource_type), ''), coalesce(max(provider_name), ''),
                  coalesce(max(service_name), ''), coalesce(max(region_id), ''), coalesce(alloc_team, ''), billing_currency,
                  sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0), coalesce(sum(contracted_cost), 0),
                  count(*)
                from cost_rows
                where tenant_id = ? and billing_account_id = ? and resource_id is not null
                  and charge_period_start >= (?::date)::timestamp at time zone 'UTC'
                  and charge_period_start < ((?::date) + 1)::timestamp at time zone 'UTC'
                group by tenant_id, 2, billing_account_id, resource_id, coalesce(alloc_team, ''), billing_currency""")
                .params(tenant.value(), billingAccountId, from, to).update();
    }
}
