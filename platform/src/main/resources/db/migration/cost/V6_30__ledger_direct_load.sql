-- Ledger loads write straight into cost_rows and the rollups (ADR 35): rows with COPY through the bulk loader role,
-- rollups aggregated while the rows stream by. Replacing a billing period deletes exactly the previous supplier's rows
-- and the rollup rows of that billing period, so rollups carry the billing period they come from. Every index and
-- every rollup row is paid for on each load, so the layout keeps only what readers need:
--   * cost_rows: by import (to delete a period's previous supplier; all rows of a load share the key, which B-tree
--     deduplication stores compactly) and by resource (a resource's history);
--   * cost_daily_rollup (day x account x service x region x allocation dimensions) for dashboards;
--   * cost_resource_monthly for top resources over months (cost without a resource under resource id '', so
--     grouping by resource still adds up to the total). The daily per-resource rollup is gone: with about one
--     row per resource and day in daily exports it was nearly a second copy of the rows; day-level resource questions
--     read cost_rows through its resource index.

drop index cost_rows_period_idx;
create index cost_rows_import_idx on cost_rows (import_id);
-- by resource: a hash index holds only each id's 4-byte hash, so it costs a load far less than a B-tree of the ids
drop index cost_rows_resource_idx;
create index cost_rows_resource_idx on cost_rows using hash (resource_id) where resource_id is not null;
-- and the cost without a resource (taxes, support, credits: few rows), which grouping by resource shows as "(none)"
create index cost_rows_no_resource_idx on cost_rows (tenant_id, charge_period_start) where resource_id is null;

alter table cost_daily_rollup add column billing_period_start date;

create table cost_resource_monthly
(
    tenant_id            uuid    not null,
    month                date    not null,
    billing_account_id   text    not null,
    billing_period_start date    not null,
    resource_id          text    not null,
    resource_name        text    not null default '',
    resource_type        text    not null default '',
    provider_name        text    not null default '',
    service_name         text    not null default '',
    region_id            text    not null default '',
    alloc_team           text    not null default '',
    billing_currency     text    not null,
    billed_cost          numeric not null,
    effective_cost       numeric not null,
    list_cost            numeric not null,
    contracted_cost      numeric not null,
    row_count            bigint  not null
);
create index cost_resource_monthly_idx on cost_resource_monthly (tenant_id, month);
create index cost_resource_monthly_period_idx on cost_resource_monthly (tenant_id, billing_account_id, billing_period_start);
alter table cost_resource_monthly enable row level security;
create policy cost_resource_monthly_tenant on cost_resource_monthly
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- recompute what is stored so far with the billing period (this migration runs as the owner: no policies apply)
truncate cost_daily_rollup;
insert into cost_daily_rollup (tenant_id, day, billing_account_id, billing_period_start, sub_account_id, provider_name, service_name,
  service_category, region_id, charge_category, pricing_category, billing_currency, alloc_team, alloc_project,
  alloc_environment, alloc_cost_center, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
select tenant_id, (charge_period_start at time zone 'UTC')::date, billing_account_id, (billing_period_start at time zone 'UTC')::date,
  coalesce(sub_account_id, ''), coalesce(provider_name, ''), coalesce(service_name, ''), coalesce(service_category, ''),
  coalesce(region_id, ''), coalesce(charge_category, ''), coalesce(pricing_category, ''), billing_currency, coalesce(alloc_team, ''),
  coalesce(alloc_project, ''), coalesce(alloc_environment, ''), coalesce(alloc_cost_center, ''),
  sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0), coalesce(sum(contracted_cost), 0), count(*)
from cost_rows group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16;
insert into cost_resource_monthly (tenant_id, month, billing_account_id, billing_period_start, resource_id, resource_name, resource_type,
  provider_name, service_name, region_id, alloc_team, billing_currency, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
select tenant_id, date_trunc('month', charge_period_start at time zone 'UTC')::date, billing_account_id,
  (billing_period_start at time zone 'UTC')::date, coalesce(resource_id, ''), coalesce(max(resource_name), ''), coalesce(max(resource_type), ''),
  coalesce(max(provider_name), ''), coalesce(max(service_name), ''), coalesce(max(region_id), ''), coalesce(alloc_team, ''),
  billing_currency, sum(billed_cost), coalesce(sum(effective_cost), 0), coalesce(sum(list_cost), 0),
  coalesce(sum(contracted_cost), 0), count(*)
from cost_rows group by 1, 2, 3, 4, 5, coalesce(alloc_team, ''), billing_currency;
drop table cost_resource_daily;

alter table cost_daily_rollup alter column billing_period_start set not null;
drop index cost_daily_rollup_account_idx;
create index cost_daily_rollup_period_idx on cost_daily_rollup (tenant_id, billing_account_id, billing_period_start);

-- the bulk loader role (created by the application when the owner may; see BulkLoaderRole) inserts and nothing else
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appUser}_loader') then
        grant insert on cost_rows, cost_daily_rollup, cost_resource_monthly to ${appUser}_loader;
    end if;
end $$;

-- Partitions for a window of months, created ahead of loads (outside their transactions, so a load never takes the
-- lock that creating a partition needs while it writes). Rows outside every partition land in cost_rows_default;
-- a partition later created for such a month takes its rows over from the default partition.
create or replace function cw_cost_ensure_partitions(p_from date, p_to date) returns void
    language plpgsql security definer set search_path = public
as $$
declare
    m date := date_trunc('month', p_from)::date;
    part text;
    lo timestamptz;
    hi timestamptz;
begin
    perform pg_advisory_xact_lock(hashtext('cw_cost_ensure_partitions'));
    while m <= p_to loop
        part := format('cost_rows_%s', to_char(m, 'YYYY_MM'));
        lo := m::timestamp at time zone 'UTC';
        hi := (m + interval '1 month')::timestamp at time zone 'UTC';
        if to_regclass(part) is null then
            if exists (select 1 from cost_rows_default where charge_period_start >= lo and charge_period_start < hi) then
                execute format('create table %I (like cost_rows including defaults)', part);
                execute format('insert into %I select * from cost_rows_default where charge_period_start >= %L and charge_period_start < %L',
                               part, lo, hi);
                delete from cost_rows_default where charge_period_start >= lo and charge_period_start < hi;
                execute format('alter table cost_rows attach partition %I for values from (%L) to (%L)', part, lo, hi);
            else
                execute format('create table %I partition of cost_rows for values from (%L) to (%L)', part, lo, hi);
            end if;
            execute format('revoke all on %I from %I', part, '${appUser}');
            execute format('alter table %I enable row level security', part);
            execute format('create policy %I on %I using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant())',
                           part || '_tenant', part);
        end if;
        m := (m + interval '1 month')::date;
    end loop;
end $$;
