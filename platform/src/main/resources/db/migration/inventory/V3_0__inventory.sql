-- Inventory: current resources, their versioned content, relationships and the facet rollup.
-- Runs as the owner role; ${appUser} gets DML through the default privileges of V0_1.
-- pg_trgm is a trusted contrib extension (PostgreSQL 13+): free-text search uses trigram GIN indexes.
create extension if not exists pg_trgm;

-- Accounts as the inventory knows them (name and provider for facets and search results), upserted by
-- every ingestion. last_synced_at doubles as "last seen" of every live resource of the account, so an
-- unchanged resource costs no write at all.
create table inventory_accounts
(
    account_id     uuid primary key,
    tenant_id      uuid        not null,
    name           text        not null,
    provider       text        not null,
    last_synced_at timestamptz not null
);
create index inventory_accounts_tenant_idx on inventory_accounts (tenant_id);
alter table inventory_accounts enable row level security;
create policy inventory_accounts_tenant on inventory_accounts
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- One row per resource ever seen: the searchable current state. The heavy content (configuration, raw
-- tags) lives only in resource_versions, so a load writes it once, not twice.
create table resources
(
    id            uuid primary key,
    tenant_id     uuid        not null,
    account_id    uuid        not null,
    provider      text        not null,
    native_id     text        not null,
    type          text        not null,
    name          text        not null,
    region        text        not null,
    state         text        not null,
    tags          jsonb       not null, -- normalised: lower-case trimmed keys
    content_hash  text        not null, -- SHA-256 of type, name, region, state, raw tags and configuration
    relation_hash text        not null, -- SHA-256 of the reported relations (edges are not versioned)
    version       int         not null,
    first_seen    timestamptz not null,
    last_changed  timestamptz not null,
    deleted_at    timestamptz,
    constraint resources_key unique (tenant_id, provider, native_id)
);
create index resources_account_idx on resources (tenant_id, account_id) where deleted_at is null;
create index resources_name_idx on resources (tenant_id, name, id) where deleted_at is null;
create index resources_type_idx on resources (tenant_id, type, name, id) where deleted_at is null;
create index resources_changed_idx on resources (tenant_id, last_changed, id) where deleted_at is null;
create index resources_tags_idx on resources using gin (tags jsonb_path_ops) where deleted_at is null;
create index resources_text_idx on resources using gin ((name || ' ' || native_id) gin_trgm_ops) where deleted_at is null;
alter table resources enable row level security;
create policy resources_tenant on resources
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Every version of every resource with its validity interval [valid_from, valid_to); valid_to is null for
-- the current version. A deletion closes the current version and opens a DELETED one carrying the last
-- content, so "as of" answers and history need nothing else.
create table resource_versions
(
    resource_id uuid        not null,
    version     int         not null,
    tenant_id   uuid        not null,
    valid_from  timestamptz not null,
    valid_to    timestamptz,
    change      text        not null check (change in ('CREATED', 'MODIFIED', 'DELETED')),
    name        text        not null,
    region      text        not null,
    state       text        not null,
    tags        jsonb       not null,
    tags_raw    jsonb       not null,
    config      jsonb       not null,
    sync_run_id uuid,
    primary key (resource_id, version)
);
alter table resource_versions enable row level security;
create policy resource_versions_tenant on resource_versions
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Directed edges as reported by the source; the target is resolved to a resource at query time through
-- the resource key, so it may be missing, reported later, or deleted.
create table resource_relationships
(
    tenant_id        uuid not null,
    account_id       uuid not null,
    source_id        uuid not null,
    type             text not null,
    target_provider  text not null,
    target_native_id text not null
);
create index resource_relationships_source_idx on resource_relationships (source_id);
create index resource_relationships_target_idx on resource_relationships (tenant_id, target_provider, target_native_id);
alter table resource_relationships enable row level security;
create policy resource_relationships_tenant on resource_relationships
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Live resource counts per account, provider, type, region and state, recomputed for an account by each
-- ingestion: facets without tag, text, deleted or as-of filters read this instead of a million rows.
create table resource_facet_counts
(
    tenant_id  uuid   not null,
    account_id uuid   not null,
    provider   text   not null,
    type       text   not null,
    region     text   not null,
    state      text   not null,
    count      bigint not null
);
create index resource_facet_counts_idx on resource_facet_counts (tenant_id, account_id);
alter table resource_facet_counts enable row level security;
create policy resource_facet_counts_tenant on resource_facet_counts
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
