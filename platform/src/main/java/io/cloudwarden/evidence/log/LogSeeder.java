package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.StoredTreeProofs;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * Fills an empty log with {@code n} generated entries in bulk, for benchmarks that need a large log
 * (10 million entries would take hours through appends). It writes exactly what the ledger writes (the same
 * canonical entries, leaf hashes, tiles, size and root) with {@code COPY}, through an owner connection
 * since {@code COPY FROM} does not run under row-level security, then signs a checkpoint through the ledger.
 */
@Component
public class LogSeeder {

    private static final int CHUNK = 65_536;

    private final LogDirectory logs;
    private final Checkpointer checkpointer;

    LogSeeder(LogDirectory logs, Checkpointer checkpointer) {
        this.logs = logs;
        this.checkpointer = checkpointer;
    }

    /** Seeds the tenant's empty log; {@code progress} gets the number of entries written so far. */
    public StoredCheckpoint seed(TenantId tenant, long n, Connection owner, LongConsumer progress) throws SQLException {
        LogDirectory.LogRow log = TenantContext.callAs(tenant, () -> logs.getOrCreate(tenant));
        if (log.treeSize() != 0) {
            throw new IllegalStateException("the log of tenant " + tenant + " is not empty");
        }
        MerkleHasher hasher = log.hasher();
        Map<String, byte[]> edge = new HashMap<>();
        Instant start = Instant.now().minusSeconds(n / 1000 + 1);
        owner.setAutoCommit(false);
        byte[] root = hasher.emptyRoot();
        for (long from = 0; from < n; from += CHUNK) {
            long to = Math.min(n, from + CHUNK);
            TileAppender appender = new TileAppender(hasher, (level, index) -> edge.get(level + "/" + index));
            CopyIn entries = ((PGConnection) owner.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "copy audit_entries (tenant_id, idx, occurred_at, actor, action, outcome, target, entry, leaf_hash) from stdin");
            try {
                for (long i = from; i < to; i++) {
                    AuditRecord record = new AuditRecord(tenant, start.plusMillis(i), "user:bench-" + (i % 97),
                            "bench.audit." + (i % 5 == 0 ? "exported" : "read"), AuditableEvent.Outcome.SUCCESS,
                            "resource:r-" + (i % 100_003), "10.0.0." + (i % 250), Map.of("sequence", i));
                    byte[] entry = EntryCodec.encode(i, record, EntryCodec.detailsJson(record.details()));
                    byte[] leaf = hasher.leafHash(entry);
                    appender.addLeaf(i, leaf);
                    byte[] row = (tenant + "\t" + i + "\t" + EntryCodec.timestamp(record.occurredAt()) + "\t" + record.actor()
                            + "\t" + record.action() + "\tsuccess\t" + record.target() + "\t\\\\x" + HexFormat.of().formatHex(entry)
                            + "\t\\\\x" + HexFormat.of().formatHex(leaf) + "\n").getBytes(StandardCharsets.UTF_8);
                    entries.writeToCopy(row, 0, row.length);
                }
                entries.endCopy();
            } finally {
                if (entries.isActive()) {
                    entries.cancelCopy();
                }
            }
            try (PreparedStatement upsert = owner.prepareStatement("""
                    insert into audit_tiles (tenant_id, level, idx, hashes) values (?::uuid, ?, ?, ?)
                    on conflict (tenant_id, level, idx) do update set hashes = excluded.hashes""")) {
                for (TileAppender.Tile tile : appender.changed()) {
                    upsert.setString(1, tenant.toString());
                    upsert.setShort(2, (short) tile.level());
                    upsert.setLong(3, tile.index());
                    upsert.setBytes(4, tile.hashes());
                    upsert.addBatch();
                    edge.put(tile.level() + "/" + tile.index(), tile.hashes());
                }
                upsert.executeBatch();
            }
            root = new StoredTreeProofs(hasher, appender.nodes()).rootHash(to);
            // later chunks extend, and later roots read, only the last tile of each level
            long size = to;
            edge.keySet().removeIf(k -> !isLastOfItsLevel(k, size));
            try (PreparedStatement update = owner.prepareStatement(
                    "update audit_logs set tree_size = ?, root_hash = ? where tenant_id = ?::uuid")) {
                update.setLong(1, to);
                update.setBytes(2, root);
                update.setString(3, tenant.toString());
                update.executeUpdate();
            }
            owner.commit();
            progress.accept(to);
        }
        owner.setAutoCommit(true);
        try (var st = owner.createStatement()) {
            st.execute("analyze audit_entries");
            st.execute("analyze audit_tiles");
        }
        return TenantContext.callAs(tenant, () -> checkpointer.checkpoint(tenant));
    }

    private static boolean isLastOfItsLevel(String key, long size) {
        int level = Integer.parseInt(key.substring(0, key.indexOf('/')));
        long index = Long.parseLong(key.substring(key.indexOf('/') + 1));
        long nodes = size >>> (Tiles.HEIGHT * level);
        return index == (nodes - 1) >>> Tiles.HEIGHT;
    }
}
