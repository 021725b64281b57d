-- Row-level security evaluates its policy before any condition whose operator is not LEAKPROOF, and such a
-- condition can then not be an index condition: ILIKE (trigram index) and jsonb @> (GIN index) would fall back
-- to reading every row of the tenant. These functions run as the owner, which RLS does not restrict, and return
-- only ids of the bound tenant's live resources that match; the caller still reads the rows through RLS.
create function cw_inventory_text_matches(p_pattern text) returns setof uuid
    language sql stable security definer set search_path = public rows 100
as $$
select id from resources
where tenant_id = cw_current_tenant() and deleted_at is null and (name || ' ' || native_id) ilike p_pattern
$$;

create function cw_inventory_tag_matches(p_tags jsonb) returns setof uuid
    language sql stable security definer set search_path = public rows 1000
as $$
select id from resources where tenant_id = cw_current_tenant() and deleted_at is null and tags @> p_tags
$$;
