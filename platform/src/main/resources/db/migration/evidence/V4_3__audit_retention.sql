-- Retention of the audit log (ADR 0015): entries older than a tenant's online retention are archived in
-- whole checkpointed segments, as verifiable bundles outside the database, and only then removed. The hash
-- tiles and checkpoints stay, so the online log keeps verifying and every later entry stays provable.

alter table audit_logs add column online_retention_days int check (online_retention_days between 1 and 36500);

create table audit_archives
(
    tenant_id   uuid        not null,
    first_index bigint      not null,
    end_index   bigint      not null check (end_index > first_index),
    location    text        not null,
    sha256      text        not null,
    archived_at timestamptz not null default now(),
    primary key (tenant_id, first_index)
);
alter table audit_archives enable row level security;
create policy audit_archives_tenant on audit_archives
    using (tenant_id = cw_current_tenant()) with check (tenant_id = cw_current_tenant());
revoke update, delete, truncate on audit_archives from ${appUser};

-- The retention job's cross-tenant read: every log with its retention.
create function cw_audit_logs_for_retention()
    returns table (tenant_id uuid, online_retention_days int)
    language sql stable security definer set search_path = public
as $$
select l.tenant_id, l.online_retention_days from audit_logs l where l.tree_size > 0
$$;

-- The only way entries leave the online log: a range the tenant's archive record covers exactly, starting
-- at the first online entry. The application role cannot delete entries itself.
create function cw_audit_remove_archived(p_tenant uuid, p_first bigint, p_end bigint)
    returns bigint
    language plpgsql security definer set search_path = public
as $$
declare
    removed bigint;
begin
    if p_tenant is distinct from cw_current_tenant() then
        raise exception 'the tenant bound to the session must own the log';
    end if;
    if not exists (select 1 from audit_archives a
                   where a.tenant_id = p_tenant and a.first_index = p_first and a.end_index = p_end) then
        raise exception 'entries % to % of tenant % are not archived', p_first, p_end - 1, p_tenant;
    end if;
    if exists (select 1 from audit_entries e where e.tenant_id = p_tenant and e.idx < p_first) then
        raise exception 'archived segments are removed in order, from the first online entry';
    end if;
    delete from audit_entries e where e.tenant_id = p_tenant and e.idx >= p_first and e.idx < p_end;
    get diagnostics removed = row_count;
    return removed;
end
$$;

-- Evidence items are kept for years (7 by default), each tenant may choose; expired items are deleted by the
-- evidence retention job, which records each deletion in the log.
alter table audit_logs add column evidence_retention_days int check (evidence_retention_days between 1 and 36500);

create function cw_evidence_expired_tenants(p_default_days int)
    returns table (tenant_id uuid, retention_days int)
    language sql stable security definer set search_path = public
as $$
select distinct i.tenant_id, coalesce(l.evidence_retention_days, p_default_days)
from evidence_items i
left join audit_logs l on l.tenant_id = i.tenant_id
where i.collected_at < now() - make_interval(days => coalesce(l.evidence_retention_days, p_default_days))
$$;
