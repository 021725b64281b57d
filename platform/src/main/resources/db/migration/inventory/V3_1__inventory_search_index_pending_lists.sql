-- GIN indexes take new entries into a pending list first. A large list lets a whole snapshot's entries be merged
-- into the index in one sorted pass (cw_inventory_flush_search_indexes, called at the end of every ingestion that
-- changed something) instead of every 4 MB (the default limit): this is what makes the trigram index affordable
-- on a million-resource load.
alter index resources_tags_idx set (gin_pending_list_limit = 262144);
alter index resources_text_idx set (gin_pending_list_limit = 262144);

-- Only an index's owner may flush its pending list; the application role calls this instead.
create function cw_inventory_flush_search_indexes() returns void
    language sql security definer set search_path = public
as $$
select gin_clean_pending_list('resources_tags_idx'::regclass);
select gin_clean_pending_list('resources_text_idx'::regclass);
$$;
