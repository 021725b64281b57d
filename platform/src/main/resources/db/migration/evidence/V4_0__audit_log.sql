-- The tamper-evident audit log (docs/evidence/formats.md, ADR 0012). One log per tenant. The application
-- role may only insert entries: nothing it runs can rewrite history, and verification catches anyone who
-- does it directly in the database.

create table audit_logs
(
    tenant_id      uuid primary key references tenants (id),
    origin         text        not null unique,
    hash_algorithm text        not null check (hash_algorithm in ('SHA-256', 'SHA3-256')),
    tree_size      bigint      not null default 0 check (tree_size >= 0),
    root_hash      bytea       not null,
    created_at     timestamptz not null default now()
);
alter table audit_logs enable row level security;
create policy audit_logs_tenant on audit_logs
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Entries: the canonical bytes that were hashed, their leaf hash, and the members the timeline filters on.
create table audit_entries
(
    tenant_id   uuid        not null,
    idx         bigint      not null,
    occurred_at timestamptz not null,
    appended_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    outcome     text        not null,
    target      text,
    entry       bytea       not null,
    leaf_hash   bytea       not null,
    primary key (tenant_id, idx)
);
create index audit_entries_time_idx on audit_entries (tenant_id, occurred_at);
create index audit_entries_leaf_idx on audit_entries (tenant_id, leaf_hash);
create index audit_entries_actor_idx on audit_entries (tenant_id, actor, occurred_at);
create index audit_entries_action_idx on audit_entries (tenant_id, action, occurred_at);
create index audit_entries_target_idx on audit_entries (tenant_id, target, occurred_at);
alter table audit_entries enable row level security;
create policy audit_entries_tenant on audit_entries
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
revoke update, delete, truncate on audit_entries from ${appUser};

-- Hash tiles (as in Go's tlog tiles): tile (level L, index N) holds the hashes of the tree nodes at height
-- 8L with indices N*256 .. N*256+width-1, concatenated. Full tiles never change; the right edge of each
-- level is rewritten as it fills. Proofs read a few tiles instead of millions of nodes.
create table audit_tiles
(
    tenant_id uuid     not null,
    level     smallint not null,
    idx       bigint   not null,
    hashes    bytea    not null,
    primary key (tenant_id, level, idx)
);
alter table audit_tiles enable row level security;
create policy audit_tiles_tenant on audit_tiles
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
revoke delete, truncate on audit_tiles from ${appUser};

create table audit_checkpoints
(
    tenant_id  uuid        not null,
    tree_size  bigint      not null,
    root_hash  bytea       not null,
    note       text        not null,
    key_seq    int         not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, tree_size)
);
alter table audit_checkpoints enable row level security;
create policy audit_checkpoints_tenant on audit_checkpoints
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
revoke update, delete, truncate on audit_checkpoints from ${appUser};

-- The installation's checkpoint signing keys: Ed25519 seeds, envelope-encrypted (SecretCipher). Retired
-- keys stay, so every checkpoint they signed keeps verifying.
create table audit_signing_keys
(
    seq         serial primary key,
    public_key  bytea       not null,
    private_key bytea       not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);
create unique index audit_signing_keys_one_active on audit_signing_keys ((retired_at is null)) where retired_at is null;

-- The ledger's transactional intake: a module's AuditableEvent is written here inside the transaction of
-- the action it records (so they commit or roll back together); the sequencer moves rows into the log.
create table audit_outbox
(
    id          bigserial primary key,
    tenant_id   uuid        not null,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    outcome     text        not null,
    target      text,
    source_ip   text,
    details     text        not null,
    created_at  timestamptz not null default now()
);
create index audit_outbox_tenant_idx on audit_outbox (tenant_id, id);
alter table audit_outbox enable row level security;
create policy audit_outbox_tenant on audit_outbox
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The sequencer's and checkpointer's only cross-tenant reads: which tenants have work.
create function cw_audit_pending_tenants(p_limit int)
    returns table (tenant_id uuid)
    language sql stable security definer set search_path = public
as $$
select distinct o.tenant_id from audit_outbox o limit p_limit
$$;

create function cw_audit_logs_to_checkpoint()
    returns table (tenant_id uuid)
    language sql stable security definer set search_path = public
as $$
select l.tenant_id
from audit_logs l
where l.tree_size > coalesce((select max(c.tree_size) from audit_checkpoints c where c.tenant_id = l.tenant_id), 0)
$$;

-- Anchoring's cross-tenant read: the newest checkpoint of every log.
create function cw_audit_latest_checkpoints()
    returns table (tenant_id uuid, tree_size bigint, note text)
    language sql stable security definer set search_path = public
as $$
select distinct on (c.tenant_id) c.tenant_id, c.tree_size, c.note
from audit_checkpoints c
order by c.tenant_id, c.tree_size desc
$$;
