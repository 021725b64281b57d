-- Right after a bulk load the planner's statistics still describe the tables before it (autovacuum analyzes
-- asynchronously, a minute or more later): it then estimates thousands of rows where there are a million and
-- joins small change sets to resource_versions by scanning it whole instead of probing its primary key (a
-- 10,000-change delta took 5 to 8 s instead of under 3). Ingestion calls this function with the number of
-- rows it changed; when that is more than a tenth of what the statistics know (or they were never gathered),
-- the inventory tables are analyzed at once. Only a table's owner may ANALYZE it, hence security definer.
create function cw_inventory_refresh_statistics(p_changed bigint) returns boolean
    language plpgsql security definer set search_path = public
as $$
declare
    known real;
begin
    select reltuples into known from pg_class where oid = 'resource_versions'::regclass;
    if known >= 0 and p_changed <= greatest(1000, known * 0.1) then
        return false;
    end if;
    analyze resources;
    analyze resource_versions;
    analyze resource_relationships;
    return true;
end
$$;
