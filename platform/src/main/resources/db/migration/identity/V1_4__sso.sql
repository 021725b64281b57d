-- Single sign-on providers of a tenant: OpenID Connect (Entra ID, Google, Okta, any issuer with discovery)
-- or GitHub (OAuth 2.0). The client secret is envelope-encrypted by the application.
create table sso_providers
(
    id            uuid primary key,
    tenant_id     uuid        not null references tenants (id),
    name          text        not null check (length(name) between 1 and 200),
    kind          text        not null check (kind in ('OIDC', 'GITHUB')),
    preset        text        not null check (preset in ('ENTRA', 'GOOGLE', 'OKTA', 'GENERIC', 'GITHUB')),
    issuer        text        not null,
    client_id     text        not null,
    client_secret bytea       not null,
    scopes        text[]      not null,
    groups_claim  text,
    default_role  text        not null default 'VIEWER',
    enabled       boolean     not null default true,
    role_mappings jsonb       not null default '[]',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index sso_providers_tenant_idx on sso_providers (tenant_id);
alter table sso_providers enable row level security;
create policy sso_providers_tenant on sso_providers using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Users who sign in through a provider: no usable password (password login is refused), and the roles the
-- provider's mappings gave at the last login, which the next login replaces.
alter table users add column sso_provider_id uuid references sso_providers (id) on delete set null;
alter table users add column sso_subject text;
alter table users add column sso_roles text[] not null default '{}';
create unique index users_sso_subject_idx on users (sso_provider_id, sso_subject) where sso_provider_id is not null;

-- A login in flight between /start and /callback (state, nonce and PKCE verifier), a few minutes at most.
create table sso_login_states
(
    state_hash    bytea primary key,
    tenant_id     uuid        not null references tenants (id),
    provider_id   uuid        not null references sso_providers (id) on delete cascade,
    nonce         text        not null,
    code_verifier text        not null,
    redirect_path text        not null,
    expires_at    timestamptz not null
);
alter table sso_login_states enable row level security;
create policy sso_login_states_tenant on sso_login_states using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- One-time codes the console exchanges for tokens (single use, 60 s); stored as SHA-256.
create table sso_exchange_codes
(
    code_hash     bytea primary key,
    tenant_id     uuid        not null references tenants (id),
    user_id       uuid        not null references users (id) on delete cascade,
    provider_id   uuid        not null,
    redirect_path text        not null,
    expires_at    timestamptz not null
);
alter table sso_exchange_codes enable row level security;
create policy sso_exchange_codes_tenant on sso_exchange_codes using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The public SSO endpoints know a provider id, a state or a code before any tenant: these return only the
-- tenant to bind, so everything after runs under row-level security.
create function cw_sso_provider_tenant(p_id uuid) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from sso_providers where id = p_id $$;

create function cw_sso_state_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from sso_login_states where state_hash = p_hash $$;

create function cw_sso_code_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from sso_exchange_codes where code_hash = p_hash $$;

-- Expired states and codes of every tenant, removed by a periodic sweep.
create function cw_sso_sweep() returns void
    language sql security definer set search_path = public
as $$
delete from sso_login_states where expires_at < now() - interval '1 hour';
delete from sso_exchange_codes where expires_at < now() - interval '1 hour';
$$;

-- The sign-in page lists a tenant's enabled providers before anyone is signed in.
create function cw_sso_public_providers(p_tenant uuid)
    returns table (id uuid, name text, kind text, preset text)
    language sql stable security definer set search_path = public
as $$
select p.id, p.name, p.kind, p.preset from sso_providers p
left join tenant_settings s on s.tenant_id = p.tenant_id
where p.tenant_id = p_tenant and p.enabled
  and (s.allowed_sso_providers is null or cardinality(s.allowed_sso_providers) = 0 or p.id = any (s.allowed_sso_providers))
order by p.name
$$;
