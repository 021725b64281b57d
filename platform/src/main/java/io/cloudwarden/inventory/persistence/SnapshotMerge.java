package io.cloudwarden.inventory.persistence;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.inventory.ChangeType;
import io.cloudwarden.inventory.IngestionProgress;
import io.cloudwarden.shared.persistence.CopyTextWriter;
import io.cloudwarden.inventory.ResourceChanged;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL of a snapshot ingestion. Every method must run inside the caller's transaction: staging
 * tables are temporary ({@code on commit drop}) and every change goes through {@code inv_changes}, a temporary
 * table filled from the merge statements' {@code RETURNING} rows, from which relations, counts and events are
 * derived without another pass over the resources.
 */
@Repository
public class SnapshotMerge {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    SnapshotMerge(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Serialises ingestions of one account and creates the staging tables. */
    public void prepare(UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(accountId.toString()).query().singleRow();
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("drop table if exists inv_stage, inv_changes, inv_match, inv_gone").update();
        jdbc.sql("""
                create temp table inv_stage (seq bigint, native_id text, type text, name text, region text, state text,
                  tags jsonb, tags_raw jsonb, config jsonb, content_hash text, relation_hash text, relations jsonb)
                on commit drop""").update();
        jdbc.sql("""
                create temp table inv_changes (resource_id uuid, native_id text, type text, change text, version int,
                  relations_changed boolean) on commit drop""").update();
    }

    /** Opens the COPY into staging on the transaction's connection. */
    public SnapshotStager openStager(CloudProvider provider, IngestionProgress progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SnapshotStager.COPY_SQL);
            return new SnapshotStager(new CopyTextWriter(copy), provider, progress);
        } catch (SQLException e) {
            throw new SnapshotStager.StagingFailedException("could not start staging: " + e.getMessage(), e);
        }
    }

    /** Abandons the COPY after the collector failed; the caller's transaction is rolled back. */
    public void abortStaging(SnapshotStager stager) {
        stager.writer().cancel();
    }

    /** Completes the COPY. */
    public void completeStaging(SnapshotStager stager) {
        try {
            stager.writer().finish();
        } catch (SQLException e) {
            throw new SnapshotStager.StagingFailedException("the database rejected the snapshot: " + e.getMessage(), e);
        }
    }

    /** Removes duplicate native ids from staging (the last reported wins) and returns their number. */
    public long dedupeStaging() {
        jdbc.sql("analyze inv_stage (native_id)").update();
        boolean any = jdbc.sql("select exists (select 1 from inv_stage group by native_id having count(*) > 1)")
                .query(Boolean.class).single();
        return any ? jdbc.sql("delete from inv_stage a using inv_stage b where a.native_id = b.native_id and a.seq < b.seq")
                .update() : 0;
    }

    /** Merges the search indexes' pending entries into the indexes, so queries after an ingestion stay fast. */
    /**
     * Analyzes the inventory tables when {@code changedRows} is large against what the planner's statistics
     * know (see cw_inventory_refresh_statistics); returns whether it did.
     */
    public boolean refreshStatistics(long changedRows) {
        return Boolean.TRUE.equals(jdbc.sql("select cw_inventory_refresh_statistics(?)").param(changedRows)
                .query(Boolean.class).single());
    }

    public void flushSearchIndexes() {
        jdbc.sql("select cw_inventory_flush_search_indexes()").query().singleRow();
    }

    public void upsertAccount(UUID tenant, UUID account, String name, CloudProvider provider, Instant at) {
        jdbc.sql("""
                insert into inventory_accounts (account_id, tenant_id, name, provider, last_synced_at)
                values (:a, :t, :name, :p, :at)
                on conflict (account_id) do update set name = excluded.name, provider = excluded.provider,
                  last_synced_at = excluded.last_synced_at""")
                .param("a", account).param("t", tenant).param("name", name == null ? account.toString() : name)
                .param("p", provider.wireName()).param("at", ts(at)).update();
    }

    /**
     * Classifies staged rows against the stored resources in one join: new ones ({@code id} null) and those whose
     * content or relations changed, or that were deleted. Unchanged rows are left out, so they cost no write.
     * The result is a small analysed table, so the statements that follow get index plans.
     */
    public void matchStaged(MergeKeys k) {
        k.bind(jdbc.sql("""
                create temp table inv_match on commit drop as
                select s.native_id, r.id, r.version,
                       r.id is null or r.deleted_at is not null or r.content_hash <> s.content_hash as content_changed,
                       r.id is null or r.deleted_at is not null or r.relation_hash <> s.relation_hash as relations_changed
                from inv_stage s
                left join resources r on r.tenant_id = :t and r.provider = :p and r.native_id = s.native_id
                where r.id is null or r.deleted_at is not null or r.content_hash <> s.content_hash
                   or r.relation_hash <> s.relation_hash""")).update();
        jdbc.sql("analyze inv_match").update();
    }

    /** New resources: a row and version 1 each. */
    public void mergeCreated(MergeKeys k) {
        k.bind(jdbc.sql("""
                with ins as (
                  insert into resources (id, tenant_id, account_id, provider, native_id, type, name, region, state, tags,
                                         content_hash, relation_hash, version, first_seen, last_changed)
                  select gen_random_uuid(), :t, :a, :p, s.native_id, s.type, s.name, s.region, s.state, s.tags,
                         s.content_hash, s.relation_hash, 1, :at, :at
                  from inv_match m join inv_stage s on s.native_id = m.native_id
                  where m.id is null
                  returning id, native_id, type
                ), ver as (
                  insert into resource_versions (resource_id, version, tenant_id, valid_from, change, name, region, state,
                                                 tags, tags_raw, config, sync_run_id)
                  select i.id, 1, :t, :at, 'CREATED', s.name, s.region, s.state, s.tags, s.tags_raw, s.config, :run
                  from ins i join inv_stage s on s.native_id = i.native_id
                )
                insert into inv_changes select id, native_id, type, 'CREATED', 1, true from ins""")).update();
    }

    /** Resources whose content changed, or that reappear after deletion: close the current version, add one. */
    public void mergeModified(MergeKeys k) {
        k.bind(jdbc.sql("""
                with upd as (
                  update resources r set account_id = :a, type = s.type, name = s.name, region = s.region, state = s.state,
                         tags = s.tags, content_hash = s.content_hash, relation_hash = s.relation_hash,
                         version = m.version + 1, last_changed = :at, deleted_at = null
                  from inv_match m join inv_stage s on s.native_id = m.native_id
                  where m.id is not null and m.content_changed and r.id = m.id
                  returning r.id, r.native_id, r.type, r.version
                ), closed as (
                  update resource_versions v set valid_to = :at from inv_match m
                  where m.id is not null and m.content_changed and v.resource_id = m.id and v.version = m.version
                ), ver as (
                  insert into resource_versions (resource_id, version, tenant_id, valid_from, change, name, region, state,
                                                 tags, tags_raw, config, sync_run_id)
                  select m.id, m.version + 1, :t, :at, 'MODIFIED', s.name, s.region, s.state, s.tags, s.tags_raw, s.config, :run
                  from inv_match m join inv_stage s on s.native_id = m.native_id
                  where m.id is not null and m.content_changed
                )
                insert into inv_changes
                select u.id, u.native_id, u.type, 'MODIFIED', u.version, m.relations_changed
                from upd u join inv_match m on m.id = u.id""")).update();
        // Same content but different edges: no new version, only the relations are rewritten.
        k.bind(jdbc.sql("""
                with upd as (
                  update resources r set relation_hash = s.relation_hash
                  from inv_match m join inv_stage s on s.native_id = m.native_id
                  where m.id is not null and not m.content_changed and m.relations_changed and r.id = m.id
                  returning r.id, r.native_id, r.type, r.version
                )
                insert into inv_changes select id, native_id, type, null, version, true from upd""")).update();
    }

    /**
     * Live resources of the account not in staging (all of them when {@code everything}): close the current
     * version and open a DELETED one carrying the last content.
     */
    public void markDeleted(MergeKeys k, boolean everything) {
        String unreported = everything ? "" : "and not exists (select 1 from inv_stage s where s.native_id = r.native_id)";
        k.bind(jdbc.sql("""
                create temp table inv_gone on commit drop as
                select r.id, r.version from resources r
                where r.tenant_id = :t and r.account_id = :a and r.deleted_at is null %s""".formatted(unreported))).update();
        jdbc.sql("analyze inv_gone").update();
        k.bind(jdbc.sql("""
                with gone as (
                  update resources r set deleted_at = :at, version = g.version + 1, last_changed = :at
                  from inv_gone g where r.id = g.id
                  returning r.id, r.native_id, r.type, r.version
                ), closed as (
                  update resource_versions v set valid_to = :at from inv_gone g
                  where v.resource_id = g.id and v.version = g.version
                ), ver as (
                  insert into resource_versions (resource_id, version, tenant_id, valid_from, change, name, region, state,
                                                 tags, tags_raw, config, sync_run_id)
                  select g.id, g.version + 1, :t, :at, 'DELETED', v.name, v.region, v.state, v.tags, v.tags_raw, v.config, :run
                  from inv_gone g join resource_versions v on v.resource_id = g.id and v.version = g.version
                )
                insert into inv_changes select id, native_id, type, 'DELETED', version, true from gone""")).update();
    }

    /** Rewrites the outgoing edges of every resource whose edges changed; returns the staged edge count. */
    public long reconcileRelations(MergeKeys k) {
        jdbc.sql("analyze inv_changes").update();
        jdbc.sql("""
                delete from resource_relationships e using inv_changes c
                where e.source_id = c.resource_id and c.relations_changed and c.change is distinct from 'CREATED'""").update();
        k.bind(jdbc.sql("""
                insert into resource_relationships (tenant_id, account_id, source_id, type, target_provider, target_native_id)
                select :t, :a, c.resource_id, e ->> 0, :p, e ->> 1
                from inv_changes c join inv_stage s on s.native_id = c.native_id
                     cross join lateral jsonb_array_elements(s.relations) e
                where c.relations_changed and c.change is distinct from 'DELETED'""")).update();
        return jdbc.sql("select coalesce(sum(jsonb_array_length(relations)), 0) from inv_stage").query(Long.class).single();
    }

    /** Recomputes the account's facet rollup rows. */
    public void refreshFacets(UUID tenant, UUID account) {
        jdbc.sql("delete from resource_facet_counts where tenant_id = ? and account_id = ?").params(tenant, account).update();
        jdbc.sql("""
                insert into resource_facet_counts (tenant_id, account_id, provider, type, region, state, count)
                select tenant_id, account_id, provider, type, region, state, count(*) from resources
                where tenant_id = ? and account_id = ? and deleted_at is null
                group by tenant_id, account_id, provider, type, region, state""").params(tenant, account).update();
    }

    /** Number of changes per change type ({@code null} change type = relations only). */
    public Map<ChangeType, Long> countChanges() {
        Map<ChangeType, Long> counts = new EnumMap<>(ChangeType.class);
        for (ChangeType t : ChangeType.values()) {
            counts.put(t, 0L);
        }
        jdbc.sql("select change, count(*) from inv_changes where change is not null group by change")
                .query(rs -> {
                    counts.put(ChangeType.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Streams every versioned change of this ingestion. */
    public void forEachChange(CloudProvider provider, Consumer<ResourceChanged> consumer) {
        jdbc.sql("select resource_id, native_id, type, change, version from inv_changes where change is not null")
                .withFetchSize(1000)
                .query(rs -> {
                    consumer.accept(new ResourceChanged(rs.getObject(1, UUID.class), provider, rs.getString(2),
                            rs.getString(3), ChangeType.valueOf(rs.getString(4)), rs.getInt(5)));
                });
    }

    static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** The named parameters every merge statement uses. */
    public record MergeKeys(UUID tenant, UUID account, CloudProvider provider, UUID syncRunId, Instant at) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("t", tenant).param("a", account).param("p", provider.wireName())
                    .param("run", syncRunId).param("at", ts(at));
        }
    }
}
