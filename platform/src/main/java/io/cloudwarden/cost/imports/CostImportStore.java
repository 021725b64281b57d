package io.cloudwarden.cost.imports;

import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code cost_imports} and {@code cost_import_quarantine} tables. Callers bind the tenant. */
@Repository
class CostImportStore {

    private static final String COLUMNS = "id, source, file_name, location, size_bytes, account_id, status, format, rows_read, "
            + "rows_accepted, rows_quarantined, progress, report::text, error, requested_by, created_at, started_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CostImportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(TenantId tenant, UUID id, CostImport.Source source, String fileName, String location, Long size, UUID account,
                String requestedBy) {
        jdbc.sql("""
                insert into cost_imports (id, tenant_id, source, file_name, location, size_bytes, account_id, status, requested_by,
                  heartbeat_at)
                values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, now())""")
                .params(id, tenant.value(), source.name(), fileName, location, size, account, requestedBy).update();
    }

    boolean markRunning(UUID id) {
        return jdbc.sql("update cost_imports set status = 'RUNNING', started_at = now(), heartbeat_at = now() where id = ? and status = 'QUEUED'")
                .param(id).update() == 1;
    }

    void progress(UUID id, double progress, long rowsRead) {
        jdbc.sql("update cost_imports set progress = ?, rows_read = ?, heartbeat_at = now() where id = ? and status = 'RUNNING'")
                .params((float) Math.min(1, Math.max(0, progress)), rowsRead, id).update();
    }

    void heartbeat(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update cost_imports set heartbeat_at = now() where id = any(?) and status in ('QUEUED', 'RUNNING')")
                    .param(ids.toArray(UUID[]::new)).update();
        }
    }

    void finish(UUID id, CostImport.Status status, String format, long read, long accepted, long quarantined, Object report, String error) {
        jdbc.sql("""
                update cost_imports set status = ?, format = ?, rows_read = ?, rows_accepted = ?, rows_quarantined = ?,
                  progress = case when ? = 'SUCCEEDED' then 1 else progress end, report = ?::jsonb, error = ?, finished_at = now()
                where id = ?""")
                .params(status.name(), format, read, accepted, quarantined, status.name(),
                        report == null ? null : json.writeValueAsString(report), error, id).update();
    }

    void quarantine(TenantId tenant, UUID id, List<QuarantinedRow> rows) {
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (QuarantinedRow r : rows) {
            batch.add(new Object[] {id, tenant.value(), r.fileIndex(), r.sourceRow(), r.reason(), json.writeValueAsString(r.raw())});
        }
        for (int from = 0; from < batch.size(); from += 1000) {
            List<Object[]> chunk = batch.subList(from, Math.min(batch.size(), from + 1000));
            jdbc.sql("insert into cost_import_quarantine (import_id, tenant_id, file_index, source_row, reason, raw) "
                    + "select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::bigint[], ?::text[], ?::jsonb[])")
                    .params(chunk.stream().map(c -> c[0]).toArray(UUID[]::new), chunk.stream().map(c -> c[1]).toArray(UUID[]::new),
                            chunk.stream().map(c -> c[2]).toArray(Integer[]::new), chunk.stream().map(c -> c[3]).toArray(Long[]::new),
                            chunk.stream().map(c -> c[4]).toArray(String[]::new), chunk.stream().map(c -> c[5]).toArray(String[]::new))
                    .update();
        }
    }

    Optional<CostImport> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cost_imports where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query(this::map).optional();
    }

    CursorPage<CostImport> list(TenantId tenant, String status, String cursor, int limit) {
        String fingerprint = "imports:" + (status == null ? "" : status);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from cost_imports where tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (cursor != null) {
            List<String> c = Cursors.decode(cursor, fingerprint, 2);
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(Instant.parse(c.get(0))));
            params.add(UUID.fromString(c.get(1)));
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        List<CostImport> items = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::map).list());
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            CostImport last = items.get(limit - 1);
            next = Cursors.encode(fingerprint, List.of(last.createdAt().toString(), last.id().toString()));
        }
        return new CursorPage<>(items, next);
    }

    /** A quarantined row: the file it is in (index and name), its row number there, why, and its raw values. */
    record QuarantinedRow(int fileIndex, String file, long sourceRow, String reason, Map<String, String> raw) {
    }

    CursorPage<QuarantinedRow> quarantined(TenantId tenant, UUID id, List<String> fileNames, String cursor, int limit) {
        String fingerprint = "quarantine:" + id;
        List<String> after = cursor == null ? List.of("-1", "0") : Cursors.decode(cursor, fingerprint, 2);
        List<QuarantinedRow> items = new ArrayList<>(jdbc.sql("""
                select file_index, source_row, reason, raw::text from cost_import_quarantine
                where tenant_id = ? and import_id = ? and (file_index, source_row) > (?, ?)
                order by file_index, source_row limit ?""")
                .params(tenant.value(), id, Integer.parseInt(after.get(0)), Long.parseLong(after.get(1)), limit + 1)
                .query((rs, n) -> new QuarantinedRow(rs.getInt(1), rs.getInt(1) < fileNames.size() ? fileNames.get(rs.getInt(1)) : null,
                        rs.getLong(2), rs.getString(3), rawMap(rs.getString(4)))).list());
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            QuarantinedRow last = items.get(limit - 1);
            next = Cursors.encode(fingerprint, List.of(Integer.toString(last.fileIndex()), Long.toString(last.sourceRow())));
        }
        return new CursorPage<>(items, next);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> rawMap(String text) {
        return json.readValue(text, Map.class);
    }

    private CostImport map(ResultSet rs, int n) throws SQLException {
        String report = rs.getString(13);
        JsonNode reportNode = report == null ? null : json.readTree(report);
        return new CostImport(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                (Long) rs.getObject(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getDouble(12), reportNode, rs.getString(14), rs.getString(15), instant(rs, 16), instant(rs, 17),
                instant(rs, 18));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }
}
