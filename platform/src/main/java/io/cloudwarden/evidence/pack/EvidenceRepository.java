package io.cloudwarden.evidence.pack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for evidence items and packs. Every statement filters by tenant explicitly; row-level security is the
 * backstop, not the mechanism. Listing queries never read file or zip content.
 */
@Repository
class EvidenceRepository {

    private static final String ITEM_COLUMNS = """
            id, kind, title, description, controls, collected_at, period_start, period_end, log_index, file_name,
            media_type, file_size, file_sha256, created_by, created_at""";
    private static final String PACK_COLUMNS = """
            id, framework, controls, period_start, period_end, item_count, tree_size, sha256, zip_sha256, zip_size,
            log_index, created_by, created_at""";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new item row; {@code file} and {@code content} are both null for an item without a file. */
    void insertItem(UUID tenant, EvidenceItem item, byte[] content) {
        EvidenceItem.FileInfo f = item.file();
        jdbc.sql("""
                        insert into evidence_items (id, tenant_id, kind, title, description, controls, collected_at,
                            period_start, period_end, log_index, file_name, media_type, file_size, file_sha256, content,
                            created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.id(), tenant, item.kind(), item.title(), item.description(),
                        item.controls().toArray(String[]::new), ts(item.collectedAt()), ts(item.periodStart()),
                        ts(item.periodEnd()), item.logIndex(), f == null ? null : f.name(), f == null ? null : f.mediaType(),
                        f == null ? null : f.size(), f == null ? null : f.sha256(), content, item.createdBy(),
                        ts(item.createdAt()))
                .update();
    }

    Optional<EvidenceItem> findItem(UUID tenant, UUID id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from evidence_items where tenant_id = ? and id = ?")
                .params(tenant, id).query(EvidenceRepository::item).optional();
    }

    /** The file content of an item, if it has one. */
    Optional<byte[]> itemContent(UUID tenant, UUID id) {
        return jdbc.sql("select content from evidence_items where tenant_id = ? and id = ? and content is not null")
                .params(tenant, id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /**
     * Items newest first ({@code collected_at desc, id desc}) after the cursor position, filtered.
     *
     * @param frameworks only items with a control of one of these framework ids, or null
     */
    List<EvidenceItem> listItems(UUID tenant, String kind, String control, List<String> frameworks, Instant from,
                                 Instant to, Instant beforeCollected, UUID beforeId, int limit) {
        return jdbc.sql("select " + ITEM_COLUMNS + """
                         from evidence_items
                        where tenant_id = :tenant
                          and (cast(:kind as text) is null or kind = :kind)
                          and (cast(:control as text) is null or controls @> array[cast(:control as text)])
                          and (cast(:frameworks as text[]) is null
                               or exists (select 1 from unnest(controls) c
                                           where split_part(c, ':', 1) = any (cast(:frameworks as text[]))))
                          and (cast(:from as timestamptz) is null or collected_at >= :from)
                          and (cast(:to as timestamptz) is null or collected_at < :to)
                          and (cast(:before as timestamptz) is null or (collected_at, id) < (:before, :beforeId))
                        order by collected_at desc, id desc limit :limit""")
                .param("tenant", tenant).param("kind", kind).param("control", control)
                .param("frameworks", frameworks == null ? null : frameworks.toArray(String[]::new))
                .param("from", ts(from)).param("to", ts(to)).param("before", ts(beforeCollected))
                .param("beforeId", beforeId).param("limit", limit)
                .query(EvidenceRepository::item).list();
    }

    /** Items with at least one of {@code controls}, collected in [from, to), oldest first. */
    List<EvidenceItem> itemsForControls(UUID tenant, List<String> controls, Instant from, Instant to, int limit) {
        return jdbc.sql("select " + ITEM_COLUMNS + """
                         from evidence_items
                        where tenant_id = ? and controls && cast(? as text[]) and collected_at >= ? and collected_at < ?
                        order by collected_at, id limit ?""")
                .params(tenant, controls.toArray(String[]::new), ts(from), ts(to), limit)
                .query(EvidenceRepository::item).list();
    }

    /** Items collected in [from, to), oldest first (for reports; no content). */
    List<EvidenceItem> itemsInPeriod(UUID tenant, Instant from, Instant to) {
        return jdbc.sql("select " + ITEM_COLUMNS + """
                         from evidence_items
                        where tenant_id = ? and collected_at >= ? and collected_at < ?
                        order by collected_at, id""")
                .params(tenant, ts(from), ts(to))
                .query(EvidenceRepository::item).list();
    }

    /** Items recorded (created) in [from, to), by kind. */
    Map<String, Long> itemsRecordedByKind(UUID tenant, Instant from, Instant to) {
        return jdbc.sql("""
                        select kind, count(*) from evidence_items
                        where tenant_id = ? and created_at >= ? and created_at < ? group by kind order by kind""")
                .params(tenant, ts(from), ts(to))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new));
    }

    void insertPack(UUID tenant, EvidencePack pack, byte[] zip) {
        jdbc.sql("""
                        insert into evidence_packs (id, tenant_id, framework, controls, period_start, period_end,
                            item_count, tree_size, sha256, zip_sha256, zip_size, content, log_index, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(pack.id(), tenant, pack.framework(), pack.controls().toArray(String[]::new), ts(pack.from()),
                        ts(pack.to()), pack.itemCount(), pack.treeSize(), pack.sha256(), pack.zipSha256(), pack.size(),
                        zip, pack.logIndex(), pack.createdBy(), ts(pack.createdAt()))
                .update();
    }

    Optional<EvidencePack> findPack(UUID tenant, UUID id) {
        return jdbc.sql("select " + PACK_COLUMNS + " from evidence_packs where tenant_id = ? and id = ?")
                .params(tenant, id).query(EvidenceRepository::pack).optional();
    }

    Optional<byte[]> packContent(UUID tenant, UUID id) {
        return jdbc.sql("select content from evidence_packs where tenant_id = ? and id = ?")
                .params(tenant, id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Packs newest first after the cursor position. */
    List<EvidencePack> listPacks(UUID tenant, Instant beforeCreated, UUID beforeId, int limit) {
        return jdbc.sql("select " + PACK_COLUMNS + """
                         from evidence_packs
                        where tenant_id = :tenant
                          and (cast(:before as timestamptz) is null or (created_at, id) < (:before, :beforeId))
                        order by created_at desc, id desc limit :limit""")
                .param("tenant", tenant).param("before", ts(beforeCreated)).param("beforeId", beforeId)
                .param("limit", limit)
                .query(EvidenceRepository::pack).list();
    }

    /** Packs generated in [from, to). */
    long packsGenerated(UUID tenant, Instant from, Instant to) {
        return jdbc.sql("select count(*) from evidence_packs where tenant_id = ? and created_at >= ? and created_at < ?")
                .params(tenant, ts(from), ts(to)).query(Long.class).single();
    }

    private static EvidenceItem item(ResultSet rs, int n) throws SQLException {
        String fileName = rs.getString("file_name");
        EvidenceItem.FileInfo file = fileName == null ? null : new EvidenceItem.FileInfo(fileName,
                rs.getString("media_type"), rs.getLong("file_size"), rs.getString("file_sha256"));
        return new EvidenceItem(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
                rs.getString("description"), List.of((String[]) rs.getArray("controls").getArray()),
                instant(rs, "collected_at"), instant(rs, "period_start"), instant(rs, "period_end"),
                rs.getLong("log_index"), file, rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static EvidencePack pack(ResultSet rs, int n) throws SQLException {
        return new EvidencePack(rs.getObject("id", UUID.class), rs.getString("framework"),
                List.of((String[]) rs.getArray("controls").getArray()), instant(rs, "period_start"),
                instant(rs, "period_end"), rs.getInt("item_count"), rs.getLong("tree_size"), rs.getString("sha256"),
                rs.getString("zip_sha256"), rs.getLong("zip_size"), rs.getLong("log_index"), rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
