-- Audit anchoring: every attempt to publish a tenant log's signed checkpoint outside the database (a
-- directory, an S3 bucket under Object Lock, a witness). The newest 'anchored' row per target and origin is
-- where the next publication starts from; failed rows are the alarm trail (unreachable target, refused
-- checkpoint, a witness that saw a larger size). Runs as the owner role; ${appUser} gets DML through the
-- default privileges of V0_1, restricted to the bound tenant by row-level security.
create table audit_anchors
(
    id          uuid primary key default gen_random_uuid(),
    tenant_id   uuid        not null,
    origin      text        not null,
    target      text        not null,
    tree_size   bigint      not null check (tree_size >= 0),
    root_hash   bytea       not null,
    note        text        not null,
    cosignature text,
    location    text,
    anchored_at timestamptz not null,
    status      text        not null check (status in ('anchored', 'failed')),
    error       text,
    check ((status = 'failed') = (error is not null))
);
create index audit_anchors_latest_idx on audit_anchors (tenant_id, target, origin, tree_size desc)
    where status = 'anchored';
create index audit_anchors_time_idx on audit_anchors (tenant_id, anchored_at desc);
alter table audit_anchors enable row level security;
create policy audit_anchors_tenant on audit_anchors
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
-- an audit trail: the application may add rows, never change or remove them
revoke update, delete on audit_anchors from ${appUser};
