package io.cloudwarden.cost.ledger;

import io.cloudwarden.shared.TenantId;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recomputes {@code cost_daily_rollup} and {@code cost_resource_monthly} from stored rows,
 * for re-allocation (ADR 31, ADR 35; loads compute the rollups of their own rows while streaming them, see
 * {@link LoadAggregates}, with the same rules: a row's cost counts on the UTC day its charge period starts, per
 * billing period). Callers run it in the transaction that changed the rows. A day may have several rollup rows with
 * the same dimensions (readers sum).
 */
@Repository
public class CostRollups {

    private final JdbcClient jdbc;

    CostRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Recomputes the rollups of one billing account for the UTC days {@code from} to {@code to}, inclusive; the monthly
     * resource rollup for the whole months those days fall in.
     */
    public void rebuild(TenantId tenant, String billingAccountId, LocalDate from, LocalDate to) {
        LocalDate monthFrom = from.withDayOfMonth(1);
        LocalDate monthTo = to.withDayOfMonth(1).plusMonths(1).minusDays(1);
        jdbc.sql("delete from cost_daily_rollup where tenant_id = ? and billing_account_id = ? and day between ? and ?")
                .params(tenant.value(), billingAccountId, from, to).update();
        jdbc.sql("delete from cost_resource_monthly where tenant_id = ? and billing_account_id = ? and month between ? and ?")
                .params(tenant.value(), billingAccountId, monthFrom, monthTo).update();
        String rows = """
                from cost_rows where tenant_id = ? and billing_account_id = ?
                  and charge_period_start >= (?::date)::timestamp at time zone 'UTC'
                  and charge_period_start < ((?::date) + 1)::timestamp at time zone 'UTC'""";
        jdbc.sql("""
                insert into cost_daily_rollup (tenant_id, day, billing_period_start, billing_account_id, sub_account_id, provider_name,
                  service_name, service_category, region_id, charge_category, pricing_category, billing_currency, alloc_team,
                  alloc_project, alloc_environment, alloc_cost_center, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
                select tenant_id, (charge_period_start at time zone 'UTC')::date, (billing_period_start at time zone 'UTC')::date,
                  billing_account_id, coalesce(sub_account_id, ''), coalesce(provider_name, ''), coalesce(service_name, ''),
                  coalesce(service_category, ''), coalesce(region_id, ''), coalesce(charge_category, ''), coalesce(pricing_category, ''),
                  billing_currency, coalesce(alloc_team, ''), coalesce(alloc_project, ''), coalesce(alloc_environment, ''),
                  coalesce(alloc_cost_center, ''), sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0),
                  coalesce(sum(contracted_cost), 0), count(*)
                """ + rows + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16")
                .params(tenant.value(), billingAccountId, from, to).update();
        String resources = """
                select tenant_id, date_trunc('month', charge_period_start at time zone 'UTC')::date,
                  (billing_period_start at time zone 'UTC')::date, billing_account_id, coalesce(resource_id, ''),
                  coalesce(alloc_team, ''), billing_currency, coalesce(max(resource_name), ''), coalesce(max(resource_type), ''),
                  coalesce(max(provider_name), ''), coalesce(max(service_name), ''), coalesce(max(region_id), ''),
                  sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0), coalesce(sum(contracted_cost), 0),
                  count(*)
                """ + rows + " group by 1, 2, 3, 4, 5, 6, 7";
        jdbc.sql("insert into cost_resource_monthly (" + LoadAggregates.RESOURCE_MONTHLY_COLUMNS + ") " + resources)
                .params(tenant.value(), billingAccountId, monthFrom, monthTo).update();
    }
}
