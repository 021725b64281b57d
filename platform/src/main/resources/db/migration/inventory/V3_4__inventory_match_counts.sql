-- Selectivity probes for ResourceSelection: how many of the bound tenant's live resources match a tag or text
-- predicate, counting no further than p_cap. With the cap inside the query the scan stops early, where counting
-- the rows of cw_inventory_*_matches would first produce every match (a security-definer function is never
-- inlined into the caller's query). Like those functions they use the GIN indexes RLS would keep from use, and
-- filter by the bound tenant themselves.
create function cw_inventory_tag_match_count(p_tags jsonb, p_cap int) returns int
    language sql stable security definer set search_path = public
as $$
select count(*)::int from (
    select 1 from resources where tenant_id = cw_current_tenant() and deleted_at is null and tags @> p_tags limit p_cap
) m
$$;

create function cw_inventory_text_match_count(p_pattern text, p_cap int) returns int
    language sql stable security definer set search_path = public
as $$
select count(*)::int from (
    select 1 from resources
    where tenant_id = cw_current_tenant() and deleted_at is null and (name || ' ' || native_id) ilike p_pattern limit p_cap
) m
$$;
