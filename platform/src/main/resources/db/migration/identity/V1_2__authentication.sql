-- Local-account authentication: email and lockout state on users, sessions (refresh-token families),
-- the cross-node denylist of revoked sessions, one-time tokens (invitations, email verification, password
-- reset, MFA steps), TOTP and recovery codes, and signing-key rotation.

alter table users
    add column email              text check (email is null or (email = lower(email) and length(email) <= 254)),
    add column email_verified     boolean     not null default false,
    add column failed_logins      int         not null default 0,
    add column lock_count         int         not null default 0,
    add column locked_until       timestamptz,
    add column deactivated_at     timestamptz,
    add column mfa_enabled        boolean     not null default false,
    add column totp_secret        bytea,
    add column totp_pending       bytea,
    add column totp_last_step     bigint,
    add column password_changed_at timestamptz;

-- Everything password verification and the lockout need, across tenants, before a tenant is known.
create function cw_credentials_lookup(p_username text)
    returns table (user_id uuid, tenant_id uuid, password_hash text, enabled boolean, roles text[],
                   locked_until timestamptz, mfa_enabled boolean, email_verified boolean)
    language sql stable security definer set search_path = public
as $$ select id, tenant_id, password_hash, enabled, roles, locked_until, mfa_enabled,
             email_verified or email is null
      from users where username = lower(p_username) $$;

-- A session is one login: a family of refresh tokens that rotate on every use.
create table sessions
(
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    user_id      uuid        not null references users (id),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz not null default now(),
    expires_at   timestamptz not null,
    ip           text,
    user_agent   text,
    revoked_at   timestamptz,
    revoke_reason text
);
create index sessions_user_idx on sessions (tenant_id, user_id) where revoked_at is null;
alter table sessions enable row level security;
create policy sessions_tenant on sessions using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Refresh tokens are stored as SHA-256 hashes only; spent_at marks a rotated (used) token.
create table refresh_tokens
(
    token_hash bytea primary key,
    tenant_id  uuid        not null references tenants (id),
    session_id uuid        not null references sessions (id),
    created_at timestamptz not null default now(),
    spent_at   timestamptz
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);
alter table refresh_tokens enable row level security;
create policy refresh_tokens_tenant on refresh_tokens using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The tenant a refresh token belongs to, so the refresh can run bound to it (the request carries no tenant).
create function cw_refresh_token_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from refresh_tokens where token_hash = p_hash $$;

-- Revoked sessions whose access tokens may still be unexpired. Holds opaque ids only (no tenant data), so
-- every node can read the whole set without a tenant binding; rows past expires_at are purged.
create table revoked_sessions
(
    session_id uuid primary key,
    revoked_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index revoked_sessions_revoked_idx on revoked_sessions (revoked_at);

-- One-time tokens sent by email or handed out between login steps, stored hashed.
create table user_tokens
(
    token_hash bytea primary key,
    kind       text        not null check (kind in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'MFA_LOGIN', 'MFA_ENROLMENT')),
    tenant_id  uuid        not null references tenants (id),
    user_id    uuid        not null references users (id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
alter table user_tokens enable row level security;
create policy user_tokens_tenant on user_tokens using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create function cw_user_token_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from user_tokens where token_hash = p_hash $$;

-- Tenant and user of an email address, for password reset (before a tenant is known).
create function cw_user_by_email(p_email text) returns table (user_id uuid, tenant_id uuid)
    language sql stable security definer set search_path = public
as $$ select id, tenant_id from users where coalesce(email, username) = lower(p_email) and enabled $$;

create table recovery_codes
(
    tenant_id uuid        not null references tenants (id),
    user_id   uuid        not null references users (id),
    code_hash bytea       not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
alter table recovery_codes enable row level security;
create policy recovery_codes_tenant on recovery_codes using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create table invitations
(
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    email        text        not null check (email = lower(email)),
    roles        text[]      not null,
    display_name text,
    token_hash   bytea       not null unique,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    revoked_at   timestamptz
);
create index invitations_tenant_idx on invitations (tenant_id, created_at desc);
alter table invitations enable row level security;
create policy invitations_tenant on invitations using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create function cw_invitation_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from invitations where token_hash = p_hash $$;

-- Tenants that allow self sign-up, checked before the new user has a tenant binding.
create function cw_self_signup_enabled(p_tenant uuid) returns boolean
    language sql stable security definer set search_path = public
as $$ select coalesce((select self_signup_enabled from tenant_settings where tenant_id = p_tenant), false)
             and exists (select 1 from tenants where id = p_tenant) $$;

-- Signing keys: retired keys keep verifying until retired_at + the access-token lifetime.
create index signing_keys_created_idx on signing_keys (created_at desc);
