-- Evidence items (facts collected for compliance controls, optionally with a file) and the record of the
-- evidence packs generated from them. Runs as the owner role; ${appUser} gets DML through the default
-- privileges of V0_1. Every item and pack is recorded in the tenant's audit log; log_index is the index of
-- that entry, so an inclusion proof ties the row (and the file's SHA-256) to a signed checkpoint.
-- Files and pack zips are kept in the database (bytea, TOAST-compressed out of line): one backup, one
-- transaction with the audit entry, and the upload limit (cloudwarden.evidence.max-upload-size) bounds them.
create table evidence_items
(
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    kind         text        not null check (kind in ('policy_evaluation', 'access_review', 'change_record',
                                                      'approval', 'scan_result', 'document')),
    title        text        not null check (length(title) between 1 and 300),
    description  text check (length(description) <= 10000),
    controls     text[]      not null check (cardinality(controls) between 1 and 100),
    collected_at timestamptz not null,
    period_start timestamptz,
    period_end   timestamptz,
    log_index    bigint      not null check (log_index >= 0),
    file_name    text check (length(file_name) between 1 and 255),
    media_type   text,
    file_size    bigint check (file_size >= 0),
    file_sha256  text check (file_sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    check (period_end is null or period_start is null or period_start < period_end),
    check ((file_name is null) = (content is null) and (content is null) = (file_sha256 is null)
        and (content is null) = (file_size is null) and (content is null) = (media_type is null)),
    unique (tenant_id, log_index)
);
create index evidence_items_collected_idx on evidence_items (tenant_id, collected_at desc, id desc);
create index evidence_items_controls_idx on evidence_items using gin (controls);
alter table evidence_items enable row level security;
create policy evidence_items_tenant on evidence_items
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Generated packs, with the exact zip that was handed out (re-downloading returns the same bytes, whose
-- index.json SHA-256 the audit entry and pack.sig carry). Rows are never updated.
create table evidence_packs
(
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    framework    text        not null,
    controls     text[]      not null,
    period_start timestamptz not null,
    period_end   timestamptz not null,
    item_count   int         not null check (item_count >= 0),
    tree_size    bigint      not null check (tree_size >= 0),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'), -- of index.json: what pack.sig signs
    zip_sha256   text        not null check (zip_sha256 ~ '^[0-9a-f]{64}$'),
    zip_size     bigint      not null check (zip_size >= 0),
    content      bytea       not null,
    log_index    bigint      not null check (log_index >= 0),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    check (period_start < period_end)
);
create index evidence_packs_created_idx on evidence_packs (tenant_id, created_at desc, id desc);
alter table evidence_packs enable row level security;
create policy evidence_packs_tenant on evidence_packs
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
