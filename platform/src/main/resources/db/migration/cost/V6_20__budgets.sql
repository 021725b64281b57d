-- Budgets (ADR 30): a scope, a period kind, an amount (optionally per month), and thresholds on actual and
-- projected spend. A crossing is recorded once per (budget, period, kind, threshold): the unique key is what
-- makes "emit once" hold across re-ingestion and concurrent evaluations.
create table cost_budgets
(
    id              uuid primary key,
    tenant_id       uuid        not null references tenants (id),
    name            text        not null,
    scope_type      text        not null check (scope_type in ('TENANT', 'BILLING_ACCOUNT', 'TEAM', 'TAG', 'SERVICE', 'FILTER')),
    scope_value     text,
    scope_filter    jsonb,
    period          text        not null check (period in ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    amount          numeric     not null check (amount > 0),
    monthly_amounts jsonb,
    currency        text        not null,
    thresholds      jsonb       not null,
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (tenant_id, name)
);
alter table cost_budgets enable row level security;
create policy cost_budgets_tenant on cost_budgets
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create table cost_budget_crossings
(
    tenant_id    uuid        not null references tenants (id),
    budget_id    uuid        not null references cost_budgets (id) on delete cascade,
    period_start date        not null,
    kind         text        not null check (kind in ('ACTUAL', 'PROJECTED')),
    threshold    numeric     not null,
    amount       numeric     not null,
    spend        numeric     not null,
    crossed_at   timestamptz not null default now(),
    primary key (budget_id, period_start, kind, threshold)
);
alter table cost_budget_crossings enable row level security;
create policy cost_budget_crossings_tenant on cost_budget_crossings
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The tenants that have budgets, for the scheduled evaluation (which runs outside any tenant's context).
create function cw_cost_budget_tenants() returns setof uuid
    language sql stable security definer set search_path = public
as $$
    select distinct tenant_id from cost_budgets
$$;
