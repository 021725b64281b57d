-- Saved filters of the cost explorer (ADR 38): a named list of explorer filters in exactly the explorer's
-- `filter` syntax (`dimension=value`, `dimension!=value`, `tag:<key>=value`), optionally with the view it was saved
-- from (group-by, metric, granularity). Budgets may be scoped by one (scope type SAVED_FILTER), which replaces the
-- FILTER scope and its private JSON format.
create table cost_saved_filters
(
    id          uuid primary key,
    tenant_id   uuid        not null references tenants (id),
    name        text        not null,
    description text,
    filters     jsonb       not null,
    group_by    jsonb,
    metric      text,
    granularity text,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (tenant_id, name),
    -- the target of the budgets' tenant-scoped foreign key below
    unique (tenant_id, id)
);
alter table cost_saved_filters enable row level security;
create policy cost_saved_filters_tenant on cost_saved_filters
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- A budget references a saved filter of its own tenant; deleting a saved filter that a budget uses is refused
-- (the application answers 409 naming the budgets; the key is the backstop against a concurrent delete).
alter table cost_budgets add column scope_saved_filter_id uuid;
alter table cost_budgets add constraint cost_budgets_saved_filter_fk foreign key (tenant_id, scope_saved_filter_id)
    references cost_saved_filters (tenant_id, id);
create index cost_budgets_saved_filter on cost_budgets (tenant_id, scope_saved_filter_id) where scope_saved_filter_id is not null;

-- Existing FILTER budgets become SAVED_FILTER budgets, each with a saved filter of the same meaning: the keys of the
-- old JSON map to explorer dimensions, values of one key stay alternatives, keys stay ANDed.
create temporary table cost_filter_budget_migration on commit drop as
select b.id as budget_id, b.tenant_id, gen_random_uuid() as filter_id, b.name, b.created_by,
       (select jsonb_agg(d.dim || '=' || v.value order by d.dim, v.value)
        from jsonb_each(b.scope_filter) f(key, vals)
                 join (values ('billingAccountId', 'account'), ('serviceName', 'service'),
                              ('serviceCategory', 'serviceCategory'), ('regionId', 'region'), ('team', 'team'),
                              ('project', 'project'), ('environment', 'environment'), ('costCenter', 'costCenter')) d(key, dim)
                      on d.key = f.key
                 cross join lateral jsonb_array_elements_text(f.vals) v(value)) as filters
from cost_budgets b
where b.scope_type = 'FILTER';

insert into cost_saved_filters (id, tenant_id, name, description, filters, created_by)
select filter_id, tenant_id, 'Budget ' || name, 'Migrated from the FILTER scope of the budget ' || name,
       coalesce(filters, '[]'::jsonb), created_by
from cost_filter_budget_migration;

alter table cost_budgets drop constraint cost_budgets_scope_type_check;

update cost_budgets b
set scope_type = 'SAVED_FILTER', scope_saved_filter_id = m.filter_id
from cost_filter_budget_migration m
where b.id = m.budget_id;

alter table cost_budgets drop column scope_filter;
alter table cost_budgets add constraint cost_budgets_scope_type_check
    check (scope_type in ('TENANT', 'BILLING_ACCOUNT', 'TEAM', 'TAG', 'SERVICE', 'SAVED_FILTER'));
alter table cost_budgets add constraint cost_budgets_saved_filter_scope
    check ((scope_type = 'SAVED_FILTER') = (scope_saved_filter_id is not null));
