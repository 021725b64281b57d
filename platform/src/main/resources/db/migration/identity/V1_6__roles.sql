-- Custom roles per tenant (built-in roles live in code). A role key is custom:<slug>; permissions are
-- permission keys (io.cloudwarden.shared.security.Permission), validated by the application.
create table roles
(
    tenant_id   uuid        not null references tenants (id),
    key         text        not null check (key ~ '^custom:[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        not null check (length(name) between 1 and 100),
    description text        not null default '' check (length(description) <= 500),
    permissions text[]      not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, key)
);
alter table roles enable row level security;
create policy roles_tenant on roles using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- Just-in-time elevation: a request, and once approved the grant it becomes, active until expires_at.
create table access_requests
(
    id               uuid primary key,
    tenant_id        uuid        not null references tenants (id),
    user_id          uuid        not null,
    username         text        not null,
    role             text        not null,
    duration_minutes int         not null check (duration_minutes between 1 and 480),
    reason           text        not null check (length(reason) between 1 and 500),
    status           text        not null check (status in ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'REVOKED')),
    created_at       timestamptz not null default now(),
    decided_by       text,
    decided_at       timestamptz,
    decision_comment text check (length(decision_comment) <= 500),
    expires_at       timestamptz,
    revoked_by       text,
    revoked_at       timestamptz
);
create index access_requests_user_idx on access_requests (tenant_id, user_id, status);
create index access_requests_status_idx on access_requests (tenant_id, status, created_at desc);
create index access_requests_expiry_idx on access_requests (expires_at) where status = 'APPROVED';
alter table access_requests enable row level security;
create policy access_requests_tenant on access_requests
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- A principal's home tenant, roles and whether it may act, whatever tenant the request is bound to (an MSP
-- user acting in a child tenant keeps the roles of their home tenant).
create function cw_user_access(p_user uuid) returns table (tenant_id uuid, roles text[], enabled boolean)
    language sql stable security definer set search_path = public
as $$ select tenant_id, roles, enabled from users where id = p_user $$;

-- The expiry sweep runs across tenants: it ends every approved grant whose time is up and returns them,
-- so the application can publish one JitGrantExpired per grant.
create function cw_expire_access_grants(p_now timestamptz)
    returns table (id uuid, tenant_id uuid, user_id uuid, role text, expires_at timestamptz)
    language sql security definer set search_path = public
as $$ update access_requests set status = 'EXPIRED'
      where status = 'APPROVED' and access_requests.expires_at <= p_now
      returning id, tenant_id, user_id, role, expires_at $$;

-- Access review campaigns: a snapshot of users x roles x last activity, each line certified or revoked by a
-- reviewer; the completed report is kept here and offered to the evidence module.
create table access_reviews
(
    id                  uuid primary key,
    tenant_id           uuid        not null references tenants (id),
    name                text        not null check (length(name) between 1 and 200),
    scope_tenant_id     uuid        not null,
    due_at              timestamptz not null,
    reviewer_ids        uuid[]      not null default '{}',
    status              text        not null check (status in ('OPEN', 'COMPLETED')),
    created_by          text        not null,
    created_at          timestamptz not null default now(),
    completed_by        text,
    completed_at        timestamptz,
    overdue_notified_at timestamptz,
    report_json         jsonb,
    report_csv          text
);
create index access_reviews_tenant_idx on access_reviews (tenant_id, created_at desc);
alter table access_reviews enable row level security;
create policy access_reviews_tenant on access_reviews
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

create table access_review_items
(
    id               uuid primary key,
    review_id        uuid        not null references access_reviews (id),
    tenant_id        uuid        not null references tenants (id),
    user_id          uuid        not null,
    username         text        not null,
    role             text        not null,
    last_activity_at timestamptz,
    decision         text        not null default 'PENDING' check (decision in ('PENDING', 'CERTIFIED', 'REVOKED')),
    comment          text check (length(comment) <= 500),
    decided_by       text,
    decided_at       timestamptz
);
create index access_review_items_review_idx on access_review_items (review_id, username, role);
alter table access_review_items enable row level security;
create policy access_review_items_tenant on access_review_items
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());

-- The overdue check runs across tenants: it marks open campaigns past their due date with undecided lines
-- (once each) and returns them, so the application can publish one AccessReviewOverdue per campaign.
create function cw_flag_overdue_access_reviews(p_now timestamptz)
    returns table (id uuid, tenant_id uuid, name text, due_at timestamptz, pending bigint)
    language sql security definer set search_path = public
as $$ update access_reviews r set overdue_notified_at = p_now
      where r.status = 'OPEN' and r.due_at < p_now and r.overdue_notified_at is null
        and exists (select 1 from access_review_items i where i.review_id = r.id and i.decision = 'PENDING')
      returning r.id, r.tenant_id, r.name, r.due_at,
                (select count(*) from access_review_items i where i.review_id = r.id and i.decision = 'PENDING') $$;
