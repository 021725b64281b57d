-- Service-account and personal API keys. Only a SHA-256 hash of the secret is stored; the prefix is a
-- short non-secret part of it, shown so people can tell their keys apart.
create table api_keys
(
    id            uuid primary key,
    tenant_id     uuid        not null references tenants (id),
    name          text        not null check (length(name) between 1 and 200),
    prefix        text        not null,
    secret_hash   bytea       not null unique,
    roles         text[]      not null check (cardinality(roles) > 0),
    -- set for personal keys (/api/v1/me/api-keys): the key dies with its user's access
    owner_user_id uuid references users (id),
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    text,
    last_used_at  timestamptz
);
create index api_keys_tenant_idx on api_keys (tenant_id, created_at);
alter table api_keys enable row level security;
create policy api_keys_tenant on api_keys using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Authentication happens before a tenant is known: the only cross-tenant read of api_keys, by hash, returning
-- just what the filter needs. A personal key never holds more than its user holds now: its roles are cut to
-- the user's current roles, and a disabled user's key reads as not usable.
create function cw_api_key_lookup(p_hash bytea)
    returns table (id uuid, tenant_id uuid, roles text[], expires_at timestamptz, revoked_at timestamptz,
                   last_used_at timestamptz, usable_owner boolean)
    language sql stable security definer set search_path = public
as $$
select k.id, k.tenant_id,
       case when k.owner_user_id is null then k.roles
            else array(select r from unnest(k.roles) r where r = any (coalesce(u.roles, '{}'))) end,
       k.expires_at, k.revoked_at, k.last_used_at,
       (k.owner_user_id is null or coalesce(u.enabled, false))
from api_keys k left join users u on u.id = k.owner_user_id
where k.secret_hash = p_hash
$$;

-- Records use, at most once a minute per key, so a busy key does not turn every request into a write.
create function cw_api_key_touch(p_id uuid) returns void
    language sql security definer set search_path = public
as $$ update api_keys set last_used_at = now() where id = p_id and (last_used_at is null or last_used_at < now() - interval '1 minute') $$;
