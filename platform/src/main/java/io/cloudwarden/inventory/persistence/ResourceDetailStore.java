package io.cloudwarden.inventory.persistence;

import static io.cloudwarden.inventory.persistence.ResourceSearchStore.emptyToNull;
import static io.cloudwarden.inventory.persistence.ResourceSearchStore.instant;

import io.cloudwarden.inventory.internal.ResourceViews.IncomingRelation;
import io.cloudwarden.inventory.internal.ResourceViews.OutgoingRelation;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceDetail;
import io.cloudwarden.inventory.internal.ResourceViews.VersionContent;
import io.cloudwarden.inventory.internal.ResourceViews.VersionSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One resource: its current detail with relationships, its version history and version contents. */
@Repository
public class ResourceDetailStore {

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResourceDetailStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ResourceDetail> detail(UUID tenant, UUID id) {
        return jdbc.sql("""
                        select r.id, r.provider, r.native_id, r.type, r.name, r.region, r.state, r.account_id, a.name,
                               r.tags::text, v.tags_raw::text, v.config::text, r.version, r.first_seen, r.last_changed,
                               a.last_synced_at, r.deleted_at
                        from resources r
                        join resource_versions v on v.resource_id = r.id and v.version = r.version
                        left join inventory_accounts a on a.account_id = r.account_id
                        where r.tenant_id = ? and r.id = ?""")
                .params(tenant, id)
                .query((rs, n) -> {
                    var deletedAt = instant(rs.getTimestamp(17));
                    var lastSeen = deletedAt != null ? deletedAt : instant(rs.getTimestamp(16));
                    String provider = rs.getString(2);
                    String nativeId = rs.getString(3);
                    return new ResourceDetail(id, provider, nativeId, rs.getString(4), emptyToNull(rs.getString(5)),
                            emptyToNull(rs.getString(6)), emptyToNull(rs.getString(7)), rs.getObject(8, UUID.class),
                            rs.getString(9), json.readValue(rs.getString(10), TAGS), json.readValue(rs.getString(11), TAGS),
                            json.readTree(rs.getString(12)), rs.getInt(13), instant(rs.getTimestamp(14)),
                            instant(rs.getTimestamp(15)), lastSeen, deletedAt != null, deletedAt, List.of(), List.of());
                })
                .optional()
                .map(d -> withRelations(tenant, d));
    }

    private ResourceDetail withRelations(UUID tenant, ResourceDetail d) {
        List<OutgoingRelation> outgoing = jdbc.sql("""
                        select e.type, e.target_provider, e.target_native_id, t.id, t.name, t.type, t.deleted_at is not null
                        from resource_relationships e
                        left join resources t on t.tenant_id = e.tenant_id and t.provider = e.target_provider
                                             and t.native_id = e.target_native_id
                        where e.tenant_id = ? and e.source_id = ?
                        order by e.type, e.target_native_id""")
                .params(tenant, d.id())
                .query((rs, n) -> new OutgoingRelation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), emptyToNull(rs.getString(5)), rs.getString(6), rs.getBoolean(7)))
                .list();
        List<IncomingRelation> incoming = jdbc.sql("""
                        select e.type, s.id, s.native_id, s.name, s.type
                        from resource_relationships e join resources s on s.id = e.source_id
                        where e.tenant_id = ? and e.target_provider = ? and e.target_native_id = ?
                        order by e.type, s.native_id""")
                .params(tenant, d.provider(), d.nativeId())
                .query((rs, n) -> new IncomingRelation(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        emptyToNull(rs.getString(4)), rs.getString(5)))
                .list();
        return new ResourceDetail(d.id(), d.provider(), d.nativeId(), d.type(), d.name(), d.region(), d.state(),
                d.accountId(), d.accountName(), d.tags(), d.tagsRaw(), d.configuration(), d.version(), d.firstSeen(),
                d.lastChanged(), d.lastSeen(), d.deleted(), d.deletedAt(), outgoing, incoming);
    }

    /** The current version number, if the resource exists for this tenant. */
    public Optional<Integer> currentVersion(UUID tenant, UUID id) {
        return jdbc.sql("select version from resources where tenant_id = ? and id = ?").params(tenant, id)
                .query(Integer.class).optional();
    }

    /** Versions below {@code beforeVersion}, newest first. */
    public List<VersionSummary> history(UUID tenant, UUID id, int beforeVersion, int limit) {
        return jdbc.sql("""
                        select version, change, valid_from, valid_to, name, region, state, sync_run_id
                        from resource_versions where tenant_id = ? and resource_id = ? and version < ?
                        order by version desc limit ?""")
                .params(tenant, id, beforeVersion, limit)
                .query((rs, n) -> new VersionSummary(rs.getInt(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), emptyToNull(rs.getString(5)), emptyToNull(rs.getString(6)),
                        emptyToNull(rs.getString(7)), rs.getObject(8, UUID.class)))
                .list();
    }

    public Optional<VersionContent> version(UUID tenant, UUID id, int version) {
        return jdbc.sql("""
                        select version, change, name, region, state, tags_raw::text, config::text
                        from resource_versions where tenant_id = ? and resource_id = ? and version = ?""")
                .params(tenant, id, version)
                .query((rs, n) -> new VersionContent(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), json.readTree(rs.getString(6)), json.readTree(rs.getString(7))))
                .optional();
    }
}
