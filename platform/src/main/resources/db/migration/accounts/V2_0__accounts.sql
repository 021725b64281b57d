-- Cloud accounts (AWS accounts, Azure subscriptions, GCP projects, ...) with their connector configuration.
-- Secrets are a single envelope-encrypted blob (see SecretCipher); plain values are kept as JSON.
create table cloud_accounts
(
    id                    uuid primary key,
    tenant_id             uuid        not null references tenants (id),
    name                  text        not null check (length(name) between 1 and 200),
    connector             text        not null,
    provider              text        not null,
    config                jsonb       not null default '{}',
    secrets               bytea,
    enabled               boolean     not null default true,
    sync_interval_seconds int         not null default 3600 check (sync_interval_seconds between 60 and 604800),
    next_sync_at          timestamptz,
    sync_requested        boolean     not null default false,
    sync_sequence         bigint      not null default 0,
    consecutive_failures  int         not null default 0,
    lease_owner           text,
    lease_until           timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (tenant_id, name)
);
create index cloud_accounts_due_idx on cloud_accounts (next_sync_at) where enabled;
alter table cloud_accounts enable row level security;
create policy cloud_accounts_tenant on cloud_accounts
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create table sync_runs
(
    id            uuid primary key,
    tenant_id     uuid        not null references tenants (id),
    account_id    uuid        not null references cloud_accounts (id) on delete cascade,
    sequence      bigint      not null,
    trigger       text        not null check (trigger in ('SCHEDULED', 'MANUAL', 'RETRY')),
    attempt       int         not null,
    status        text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    node          text        not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    duration_ms   bigint,
    resources     bigint,
    created       bigint,
    modified      bigint,
    deleted       bigint,
    unchanged     bigint,
    error_code    text,
    error_message text
);
create index sync_runs_account_idx on sync_runs (account_id, started_at desc);
alter table sync_runs enable row level security;
create policy sync_runs_tenant on sync_runs
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The scheduler works across tenants: this function (owned by the schema owner, so it bypasses row-level
-- security) is its only cross-tenant path. It leases due accounts to one node; FOR UPDATE SKIP LOCKED and
-- the lease make sure only one node syncs a given account at a time.
create function cw_claim_due_accounts(p_node text, p_limit int, p_lease_seconds int)
    returns table (account_id uuid, tenant_id uuid)
    language sql security definer set search_path = public
as $$
update cloud_accounts a
set lease_owner = p_node,
    lease_until = now() + make_interval(secs => p_lease_seconds)
where a.id in (select c.id
               from cloud_accounts c
               where c.enabled
                 and c.next_sync_at <= now()
                 and (c.lease_until is null or c.lease_until < now())
               order by c.next_sync_at
               limit p_limit for update skip locked)
returning a.id, a.tenant_id
$$;
