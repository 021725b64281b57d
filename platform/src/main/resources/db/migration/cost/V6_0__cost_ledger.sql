-- The FOCUS cost ledger (ADR 31). One row per FOCUS 1.2 cost row, with the FOCUS columns typed, the
-- provider's extension columns in `extensions`, and the allocation the rules assigned. Partitioned by
-- month of ChargePeriodStart; partitions are created on demand by cw_cost_ensure_partitions.
create table cost_imports
(
    id                 uuid primary key,
    tenant_id          uuid        not null references tenants (id),
    source             text        not null check (source in ('UPLOAD', 'OBJECT_STORE', 'CLI', 'CONNECTOR')),
    file_name          text        not null,
    location           text,
    size_bytes         bigint,
    account_id         uuid,
    status             text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'REFUSED')),
    format             text,
    rows_read          bigint      not null default 0,
    rows_accepted      bigint      not null default 0,
    rows_quarantined   bigint      not null default 0,
    progress           real        not null default 0 check (progress between 0 and 1),
    report             jsonb,
    error              text,
    requested_by       text        not null,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    heartbeat_at       timestamptz,
    finished_at        timestamptz
);
create index cost_imports_tenant_idx on cost_imports (tenant_id, created_at desc, id desc);
alter table cost_imports enable row level security;
create policy cost_imports_tenant on cost_imports
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Imports whose node stopped (no heartbeat since p_before) are marked failed; their rows never committed.
create function cw_cost_fail_stale_imports(p_before timestamptz) returns int
    language sql security definer set search_path = public
as $$
    with failed as (
        update cost_imports set status = 'FAILED', finished_at = now(),
            error = 'interrupted: the node running this import stopped before it finished; nothing was stored'
        where status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, created_at) < p_before
        returning 1)
    select count(*)::int from failed
$$;

-- Rows an import could not accept, never dropped silently: which of its files, the row number in that file,
-- why, and the raw row.
create table cost_import_quarantine
(
    import_id  uuid   not null references cost_imports (id) on delete cascade,
    tenant_id  uuid   not null references tenants (id),
    file_index int    not null,
    source_row bigint not null,
    reason     text   not null,
    raw        jsonb  not null,
    primary key (import_id, file_index, source_row)
);
alter table cost_import_quarantine enable row level security;
create policy cost_import_quarantine_tenant on cost_import_quarantine
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The billing periods of each billing account and the import that currently supplies them. Re-ingesting a
-- period replaces its rows in one transaction, so readers see the old period or the new one, never half.
create table cost_periods
(
    tenant_id            uuid        not null references tenants (id),
    billing_account_id   text        not null,
    billing_period_start date        not null,
    import_id            uuid        not null references cost_imports (id),
    row_count            bigint      not null,
    replaced_at          timestamptz not null default now(),
    primary key (tenant_id, billing_account_id, billing_period_start)
);
alter table cost_periods enable row level security;
create policy cost_periods_tenant on cost_periods
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create table cost_rows
(
    tenant_id                              uuid        not null,
    import_id                              uuid        not null,
    source_row                             bigint      not null,
    charge_period_start                    timestamptz not null,
    charge_period_end                      timestamptz not null,
    billing_period_start                   timestamptz not null,
    billing_period_end                     timestamptz not null,
    billing_account_id                     text        not null,
    billing_account_name                   text,
    billing_account_type                   text,
    billing_currency                       text        not null,
    sub_account_id                         text,
    sub_account_name                       text,
    sub_account_type                       text,
    provider_name                          text,
    publisher_name                         text,
    invoice_issuer_name                    text,
    invoice_id                             text,
    billed_cost                            numeric     not null,
    effective_cost                         numeric,
    list_cost                              numeric,
    contracted_cost                        numeric,
    list_unit_price                        numeric,
    contracted_unit_price                  numeric,
    pricing_currency                       text,
    pricing_currency_effective_cost        numeric,
    pricing_currency_list_unit_price       numeric,
    pricing_currency_contracted_unit_price numeric,
    pricing_category                       text,
    pricing_quantity                       numeric,
    pricing_unit                           text,
    consumed_quantity                      numeric,
    consumed_unit                          text,
    charge_category                        text,
    charge_class                           text,
    charge_description                     text,
    charge_frequency                       text,
    service_name                           text,
    service_category                       text,
    service_subcategory                    text,
    region_id                              text,
    region_name                            text,
    availability_zone                      text,
    resource_id                            text,
    resource_name                          text,
    resource_type                          text,
    sku_id                                 text,
    sku_price_id                           text,
    sku_meter                              text,
    sku_price_details                      jsonb,
    commitment_discount_id                 text,
    commitment_discount_name               text,
    commitment_discount_category           text,
    commitment_discount_type               text,
    commitment_discount_status             text,
    commitment_discount_quantity           numeric,
    commitment_discount_unit               text,
    capacity_reservation_id                text,
    capacity_reservation_status            text,
    tags                                   jsonb,
    extensions                             jsonb,
    -- allocation (virtual tags): the dimensions the allocation rules assigned, and the rule that did;
    -- null dimensions are the "unallocated" bucket
    alloc_team                             text,
    alloc_project                          text,
    alloc_environment                      text,
    alloc_cost_center                      text,
    alloc_rule_id                          uuid
) partition by range (charge_period_start);
create index cost_rows_period_idx on cost_rows (tenant_id, billing_account_id, billing_period_start);
create index cost_rows_resource_idx on cost_rows (tenant_id, resource_id, charge_period_start) where resource_id is not null;
alter table cost_rows enable row level security;
create policy cost_rows_tenant on cost_rows
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
-- Row-level security applies to the partitioned table, not to its partitions: the application role may
-- only ever reach rows through cost_rows, so partitions are created without privileges for it, and with the
-- same policy in case a privilege is ever granted by mistake.
create table cost_rows_default partition of cost_rows default;
revoke all on cost_rows_default from ${appUser};
alter table cost_rows_default enable row level security;
create policy cost_rows_default_tenant on cost_rows_default
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The shape of cost_rows without its partitions: loads create their temporary staging table LIKE this one, so a
-- load takes no lock on cost_rows until it writes (a lock there would block creating the next month's partition
-- and deadlock concurrent loads). Always empty.
create table cost_rows_template (like cost_rows including defaults);
alter table cost_rows_template enable row level security;
create policy cost_rows_template_tenant on cost_rows_template
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
revoke insert, update, delete, truncate on cost_rows_template from ${appUser};

-- Daily rollup that dashboards and the explorer read (ADR 31): day x account x service x region x
-- charge category x allocation dimensions, per currency. Maintained by ingestion and re-allocation.
create table cost_daily_rollup
(
    tenant_id            uuid    not null,
    day                  date    not null,
    billing_account_id   text    not null,
    sub_account_id       text    not null default '',
    provider_name        text    not null default '',
    service_name         text    not null default '',
    service_category     text    not null default '',
    region_id            text    not null default '',
    charge_category      text    not null default '',
    pricing_category     text    not null default '',
    billing_currency     text    not null,
    alloc_team           text    not null default '',
    alloc_project        text    not null default '',
    alloc_environment    text    not null default '',
    alloc_cost_center    text    not null default '',
    billed_cost          numeric not null,
    effective_cost       numeric not null,
    list_cost            numeric not null,
    contracted_cost      numeric not null,
    row_count            bigint  not null
);
create index cost_daily_rollup_idx on cost_daily_rollup (tenant_id, day);
create index cost_daily_rollup_account_idx on cost_daily_rollup (tenant_id, billing_account_id, day);
alter table cost_daily_rollup enable row level security;
create policy cost_daily_rollup_tenant on cost_daily_rollup
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Daily cost per resource, for "top resources" and a resource's cost history without scanning cost_rows.
create table cost_resource_daily
(
    tenant_id          uuid    not null,
    day                date    not null,
    billing_account_id text    not null,
    resource_id        text    not null,
    resource_name      text    not null default '',
    resource_type      text    not null default '',
    provider_name      text    not null default '',
    service_name       text    not null default '',
    region_id          text    not null default '',
    alloc_team         text    not null default '',
    billing_currency   text    not null,
    billed_cost        numeric not null,
    effective_cost     numeric not null,
    list_cost          numeric not null,
    contracted_cost    numeric not null,
    row_count          bigint  not null
);
create index cost_resource_daily_idx on cost_resource_daily (tenant_id, day);
create index cost_resource_daily_resource_idx on cost_resource_daily (tenant_id, resource_id, day);
alter table cost_resource_daily enable row level security;
create policy cost_resource_daily_tenant on cost_resource_daily
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The export files a connector listed and which import took them in, so a sync imports only the billing periods
-- whose files are new or changed (by fingerprint).
create table cost_export_files
(
    tenant_id      uuid        not null references tenants (id),
    account_id     uuid        not null,
    file_key       text        not null,
    fingerprint    text        not null,
    billing_period date        not null,
    import_id      uuid        not null references cost_imports (id),
    imported_at    timestamptz not null default now(),
    primary key (tenant_id, account_id, file_key)
);
alter table cost_export_files enable row level security;
create policy cost_export_files_tenant on cost_export_files
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The tag keys seen in a tenant's cost rows, for the explorer's pickers (kept up to date by loads).
create table cost_tag_keys
(
    tenant_id uuid        not null references tenants (id),
    tag_key   text        not null,
    last_seen timestamptz not null default now(),
    primary key (tenant_id, tag_key)
);
alter table cost_tag_keys enable row level security;
create policy cost_tag_keys_tenant on cost_tag_keys
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Monthly partitions of cost_rows, created by the schema owner on behalf of the application role.
create function cw_cost_ensure_partitions(p_from date, p_to date) returns void
    language plpgsql security definer set search_path = public
as $$
declare
    m date := date_trunc('month', p_from)::date;
    part text;
begin
    -- concurrent imports may ask for the same month
    perform pg_advisory_xact_lock(hashtext('cw_cost_ensure_partitions'));
    while m <= p_to loop
        part := format('cost_rows_%s', to_char(m, 'YYYY_MM'));
        if to_regclass(part) is null then
            execute format('create table %I partition of cost_rows for values from (%L) to (%L)',
                           part, m::timestamp at time zone 'UTC', (m + interval '1 month')::timestamp at time zone 'UTC');
            execute format('revoke all on %I from %I', part, '${appUser}');
            execute format('alter table %I enable row level security', part);
            execute format('create policy %I on %I using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant())',
                           part || '_tenant', part);
        end if;
        m := (m + interval '1 month')::date;
    end loop;
end $$;
