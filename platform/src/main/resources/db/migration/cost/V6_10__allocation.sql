-- Allocation rules (virtual tags, ADR 29). A tenant's rules form one ordered list (position 0 first); a cost row
-- takes every assignment of the FIRST rule whose conditions all match, and records that rule in alloc_rule_id.
-- Conditions and assignments are JSON documents validated by the application (see docs/cost/allocation.md).
create table cost_allocation_rules
(
    id          uuid primary key,
    tenant_id   uuid        not null references tenants (id),
    position    int         not null check (position >= 0),
    name        text        not null,
    conditions  jsonb       not null,
    assignments jsonb       not null,
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    unique (tenant_id, position) deferrable initially deferred
);
alter table cost_allocation_rules enable row level security;
create policy cost_allocation_rules_tenant on cost_allocation_rules
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Shared-cost pools: rows matching the conditions are taken out of direct cost and split over teams at report
-- time (chargeback/showback), evenly, proportionally to direct cost, or by fixed percentages.
create table cost_shared_cost_rules
(
    id         uuid primary key,
    tenant_id  uuid        not null references tenants (id),
    position   int         not null check (position >= 0),
    name       text        not null,
    conditions jsonb       not null,
    method     text        not null check (method in ('EVEN', 'PROPORTIONAL', 'FIXED')),
    targets    jsonb       not null,
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    unique (tenant_id, position) deferrable initially deferred
);
alter table cost_shared_cost_rules enable row level security;
create policy cost_shared_cost_rules_tenant on cost_shared_cost_rules
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Re-allocation jobs: after a rule change every month of cost_rows is re-allocated, one transaction per month.
create table cost_reallocations
(
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    months_total int         not null default 0,
    months_done  int         not null default 0,
    rows_updated bigint      not null default 0,
    error        text,
    requested_by text        not null,
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    heartbeat_at timestamptz,
    finished_at  timestamptz
);
create index cost_reallocations_tenant_idx on cost_reallocations (tenant_id, created_at desc);
create unique index cost_reallocations_one_running on cost_reallocations (tenant_id) where status = 'RUNNING';
alter table cost_reallocations enable row level security;
create policy cost_reallocations_tenant on cost_reallocations
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
