-- Tenants form a tree: MSP > customer organisation > business unit. The full hierarchy rules come with
-- the identity issue; here a connection sees only the tenant it is bound to.
create table tenants
(
    id         uuid primary key,
    parent_id  uuid references tenants (id),
    name       text        not null check (length(name) between 1 and 200),
    kind       text        not null check (kind in ('MSP', 'CUSTOMER', 'BUSINESS_UNIT')),
    created_at timestamptz not null default now()
);
alter table tenants enable row level security;
create policy tenant_self on tenants using (id = cw_current_tenant()) with check (id = cw_current_tenant());

create table users
(
    id            uuid primary key,
    tenant_id     uuid        not null references tenants (id),
    username      text        not null unique check (username = lower(username) and length(username) between 1 and 200),
    password_hash text        not null,
    display_name  text,
    roles         text[]      not null default '{}',
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    last_login_at timestamptz
);
create index users_tenant_idx on users (tenant_id);
alter table users enable row level security;
create policy users_tenant on users using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Login happens before a tenant is known: this function, owned by the schema owner, is the only path
-- that reads users across tenants, and it returns just what password verification needs.
create function cw_login_lookup(p_username text)
    returns table (user_id uuid, tenant_id uuid, password_hash text, enabled boolean, roles text[])
    language sql stable security definer set search_path = public
as $$ select id, tenant_id, password_hash, enabled, roles from users where username = lower(p_username) $$;

create function cw_record_login(p_user uuid) returns void
    language sql security definer set search_path = public
as $$ update users set last_login_at = now() where id = p_user $$;

-- Whether any tenant exists yet (first-start bootstrap), without exposing any tenant's rows.
create function cw_tenant_exists(p_name text) returns uuid
    language sql stable security definer set search_path = public
as $$ select id from tenants where p_name is null or name = p_name order by created_at limit 1 $$;

-- JWT signing keys; not tenant-owned. Private keys are envelope-encrypted by the application.
create table signing_keys
(
    kid         text primary key,
    algorithm   text        not null,
    public_key  bytea       not null,
    private_key bytea       not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);
