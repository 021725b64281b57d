-- Tenancy hierarchy (ADR 23). A request acts in exactly one tenant (the active tenant); a user may choose
-- as active tenant their home tenant or any descendant of it, never a sibling or an ancestor.

-- Whether p_target is p_home or one of its descendants. Walks up from the target (the tree is at most
-- three levels deep: MSP > CUSTOMER > BUSINESS_UNIT), across tenants, hence security definer. It answers
-- one yes/no question and exposes no row.
create function cw_tenant_is_within(p_home uuid, p_target uuid) returns boolean
    language sql stable security definer set search_path = public
as $$
    with recursive up (id, parent_id, depth) as (
        select id, parent_id, 0 from tenants where id = p_target
        union all
        select t.id, t.parent_id, up.depth + 1 from tenants t join up on t.id = up.parent_id where up.depth < 16
    )
    select p_home is not null and exists (select 1 from up where id = p_home)
$$;

-- A connection bound to a tenant sees that tenant and its descendants (for the tree listing and for
-- renaming children); every other table keeps its single-tenant policy.
drop policy tenant_self on tenants;
create policy tenant_subtree on tenants
    using (cw_tenant_is_within(cw_current_tenant(), id))
    with check (id = cw_current_tenant() or cw_tenant_is_within(cw_current_tenant(), parent_id)
                or cw_tenant_is_within(cw_current_tenant(), id));
create index tenants_parent_idx on tenants (parent_id);

-- Rate-limit buckets shared by every node (bucket4j's PostgreSQL backend, ADR 24). Keys are
-- "tenant:<uuid>", "apikey:<uuid>" or "ip:<address>"; not tenant-owned, no tenant data.
create table rate_limit_buckets
(
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expiry_idx on rate_limit_buckets (expires_at);
