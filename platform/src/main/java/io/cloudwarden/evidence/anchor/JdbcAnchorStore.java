package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AnchorStore} on table {@code audit_anchors}, for the tenant bound to the thread (row-level security). */
public class JdbcAnchorStore implements AnchorStore {

    private final JdbcClient jdbc;

    public JdbcAnchorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AnchorRecord a) {
        TenantId bound = TenantContext.require();
        if (!bound.equals(a.tenant())) {
            throw new IllegalStateException("the attempt belongs to another tenant than the bound one");
        }
        jdbc.sql("""
                        insert into audit_anchors (tenant_id, origin, target, tree_size, root_hash, note, cosignature, location,
                                                   anchored_at, status, error)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.tenant().value(), a.origin(), a.target(), a.treeSize(), a.rootHash(), a.note(), a.cosignature(),
                        a.location(), Timestamp.from(a.anchoredAt()), a.status().name().toLowerCase(Locale.ROOT), a.error())
                .update();
    }

    @Override
    public Optional<AnchorRecord> lastAnchored(String target, String origin) {
        TenantId bound = TenantContext.require();
        return jdbc.sql("""
                        select tenant_id, origin, target, tree_size, root_hash, note, cosignature, location, anchored_at,
                               status, error
                        from audit_anchors
                        where tenant_id = ? and target = ? and origin = ? and status = 'anchored'
                        order by tree_size desc, anchored_at desc
                        limit 1""")
                .params(bound.value(), target, origin)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static AnchorRecord row(ResultSet rs) throws SQLException {
        return new AnchorRecord(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("origin"),
                rs.getString("target"), rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"),
                rs.getString("cosignature"), rs.getString("location"), rs.getTimestamp("anchored_at").toInstant(),
                AnchorRecord.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("error"));
    }
}
