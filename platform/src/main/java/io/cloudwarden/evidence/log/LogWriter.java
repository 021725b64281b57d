package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.StoredTreeProofs;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends a batch of entries to one tenant's log inside the caller's transaction (with the tenant bound):
 * it locks the log row (so concurrent writers on other nodes take turns), numbers the entries, inserts them,
 * extends the hash tiles and stores the new size and root. Nothing is visible until the transaction commits.
 */
@Component
class LogWriter {

    /** An entry to append: the record and its details as JSON text. */
    record Pending(AuditRecord record, String detailsJson) {
    }

    /** What one batch appended to one log. */
    record Appended(long firstIndex, List<byte[]> entries, List<byte[]> leafHashes, long treeSize, byte[] root) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TileStore tiles;
    private final LogDirectory logs;

    LogWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TileStore tiles, LogDirectory logs) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tiles = tiles;
        this.logs = logs;
    }

    Appended append(TenantId tenant, List<Pending> batch) {
        // Acknowledged means flushed: whatever the server's default, this transaction's commit waits for its WAL.
        jdbc.sql("set local synchronous_commit = on").update();
        LogDirectory.LogRow log = logs.lockForAppend(tenant);
        MerkleHasher hasher = log.hasher();
        long size = log.treeSize();
        TileAppender appender = new TileAppender(hasher, (level, index) -> tiles.readFresh(tenant, level, index));
        List<byte[]> entries = new ArrayList<>(batch.size());
        List<byte[]> leafHashes = new ArrayList<>(batch.size());
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            long index = size + entries.size();
            byte[] entry = EntryCodec.encode(index, p.record(), p.detailsJson());
            byte[] leaf = hasher.leafHash(entry);
            entries.add(entry);
            leafHashes.add(leaf);
            AuditRecord r = p.record();
            rows.add(new Object[] {tenant.value(), index, Timestamp.from(EntryCodec.truncate(r.occurredAt())), r.actor(),
                    r.action(), r.outcome().wireName(), r.target(), entry, leaf});
            appender.addLeaf(index, leaf);
        }
        jdbcTemplate.batchUpdate("""
                insert into audit_entries (tenant_id, idx, occurred_at, actor, action, outcome, target, entry, leaf_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        for (TileAppender.Tile tile : appender.changed()) {
            tiles.write(tenant, tile.level(), tile.index(), tile.hashes());
        }
        long newSize = size + entries.size();
        byte[] root = new StoredTreeProofs(hasher, appender.nodes()).rootHash(newSize);
        jdbc.sql("update audit_logs set tree_size = ?, root_hash = ? where tenant_id = ?")
                .params(newSize, root, tenant.value()).update();
        return new Appended(size, entries, leafHashes, newSize, root);
    }

    static AuditableEvent.Outcome outcome(String wire) {
        return AuditableEvent.Outcome.valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
