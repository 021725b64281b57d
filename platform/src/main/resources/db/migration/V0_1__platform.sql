-- Platform-wide setup. Runs as the owner role; the application runs as ${appUser}, which owns nothing,
-- so PostgreSQL row-level security applies to every query it makes.
grant usage on schema public to ${appUser};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appUser};
alter default privileges in schema public grant usage, select on sequences to ${appUser};
alter default privileges in schema public grant execute on functions to ${appUser};

-- The tenant the current connection acts for (bound by TenantBindingDataSource); null when none is bound,
-- so policies comparing tenant_id with it match nothing.
create function cw_current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('cloudwarden.tenant_id', true), '')::uuid $$;

-- Spring Modulith's JDBC event publication registry (the transactional outbox), schema v2.
create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
