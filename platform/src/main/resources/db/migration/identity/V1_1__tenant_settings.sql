-- Per-tenant identity settings. A tenant without a row has the defaults.
create table tenant_settings
(
    tenant_id                uuid primary key references tenants (id),
    mfa_required             boolean     not null default false,
    session_lifetime_minutes int         not null default 720 check (session_lifetime_minutes between 15 and 43200),
    self_signup_enabled      boolean     not null default false,
    allowed_sso_providers    uuid[]      not null default '{}',
    ip_allow_list            cidr[]      not null default '{}',
    updated_at               timestamptz not null default now(),
    updated_by               text
);
alter table tenant_settings enable row level security;
create policy tenant_settings_tenant on tenant_settings
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
