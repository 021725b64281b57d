-- Per-user console preferences (e.g. the Overview layout): small JSON documents, one per key.
create table user_preferences
(
    tenant_id  uuid        not null references tenants (id),
    user_id    uuid        not null,
    key        text        not null check (key ~ '^[a-z0-9][a-z0-9.-]{0,63}$'),
    value      jsonb       not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, user_id, key)
);
alter table user_preferences enable row level security;
create policy user_preferences_tenant on user_preferences
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
