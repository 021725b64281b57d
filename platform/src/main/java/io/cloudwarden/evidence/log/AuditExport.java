package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.anchor.AnchorTarget;
import io.cloudwarden.evidence.anchor.AnchorTargets;
import io.cloudwarden.evidence.merkle.NodeSource;
import io.cloudwarden.evidence.verify.Anchored;
import io.cloudwarden.evidence.verify.BundleSource;
import io.cloudwarden.evidence.verify.BundleWriter;
import io.cloudwarden.evidence.verify.LogHeader;
import io.cloudwarden.evidence.verify.LogVerifier;
import io.cloudwarden.evidence.verify.VerificationReport;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant's log as a bundle (docs/evidence/formats.md): exported to a file for offline verification, or
 * verified in place, straight from the database rows, with the same {@link LogVerifier} that
 * {@code ./cloudwarden verify-log} runs. Both include the checkpoints read back from every anchor target, so
 * a database rolled back or rewritten behind the anchors' back shows.
 */
@Component
public class AuditExport {

    private static final Logger log = LoggerFactory.getLogger(AuditExport.class);
    private static final int FETCH_SIZE = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LogDirectory logs;
    private final TileStore tiles;
    private final LedgerAdministration admin;
    private final AuditLedger ledger;
    private final AnchorTargets anchorTargets;

    AuditExport(DataSource dataSource, JdbcClient jdbc, LogDirectory logs, TileStore tiles, LedgerAdministration admin,
                AuditLedger ledger, AnchorTargets anchorTargets) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.logs = logs;
        this.tiles = tiles;
        this.admin = admin;
        this.ledger = ledger;
        this.anchorTargets = anchorTargets;
    }

    /** Writes the tenant's whole online log as a bundle zip at {@code target}; returns the entries written. */
    public long exportBundle(TenantId tenant, Path target) throws IOException {
        return export(source(tenant, null, null), target);
    }

    /**
     * Writes entries {@code [first, end)} as a bundle zip (with the checkpoints up to {@code end}, which must be a
     * checkpointed size), for archiving; returns the entries written.
     */
    long exportSegment(TenantId tenant, long first, long end, Path target) throws IOException {
        return export(source(tenant, first, end), target);
    }

    private long export(DatabaseSource built, Path target) throws IOException {
        TenantId tenant = built.tenant;
        try (DatabaseSource source = built;
             BundleWriter writer = BundleWriter.open(target, BundleWriter.Format.ZIP, source.header().origin(),
                     source.header().hasher(), tenant.toString(), source.header().firstIndex(), source.header().prefix())) {
            try (BundleSource.EntryCursor entries = source.entries()) {
                while (entries.next()) {
                    byte[] entry = java.util.Arrays.copyOfRange(entries.buffer(), entries.offset(), entries.offset() + entries.length());
                    writer.entry(entry, entries.storedLeafHash());
                }
            }
            writer.checkpoints(source.checkpoints());
            writer.keys(source.keys());
            writer.anchors(source.anchors());
            return writer.entries();
        }
    }

    /** Verifies the tenant's log in place: entries, stored hashes, checkpoints, keys and anchors. */
    public VerificationReport verify(TenantId tenant) {
        try (DatabaseSource source = source(tenant, null, null)) {
            return new LogVerifier().verify(source);
        }
    }

    /** The log from {@code first} (default: the first online entry) to {@code end} (default: its size). */
    private DatabaseSource source(TenantId tenant, Long first, Long end) {
        return TenantContext.callAs(tenant, () -> {
            LogDirectory.LogRow row = logs.getOrCreate(tenant);
            long firstIndex = first != null ? first : jdbc.sql("select coalesce(min(idx), ?) from audit_entries where tenant_id = ?")
                    .params(row.treeSize(), tenant.value()).query(Long.class).single();
            long size = end != null ? end : row.treeSize();
            NodeSource nodes = Tiles.nodes(row.hasher(), (level, index, minWidth) -> tiles.read(tenant, level, index, minWidth));
            List<byte[]> prefix = new ArrayList<>();
            long start = 0;
            for (int level = 62; level >= 0; level--) {
                if ((firstIndex & (1L << level)) != 0) {
                    prefix.add(nodes.node(level, start >>> level));
                    start += 1L << level;
                }
            }
            List<String> checkpoints = admin.allCheckpoints(tenant).stream().filter(c -> c.treeSize() <= size)
                    .map(StoredCheckpoint::note).toList();
            LogHeader header = new LogHeader(row.origin(), row.hasher(), tenant.toString(), firstIndex, size, prefix);
            List<Anchored> anchors = end == null ? anchored(row.origin()) : List.of();
            return new DatabaseSource(tenant, header, checkpoints, ledger.verifierKeys(tenant), anchors);
        });
    }

    private List<Anchored> anchored(String origin) {
        List<Anchored> anchored = new ArrayList<>();
        for (AnchorTarget target : anchorTargets.all()) {
            try {
                Optional<String> note = target.latest(origin);
                note.ifPresent(n -> anchored.add(new Anchored(target.id(), n, null)));
            } catch (RuntimeException e) {
                log.warn("Could not read the anchored checkpoint of {} back from {}: {}", origin, target.id(), e.getMessage());
            }
        }
        return anchored;
    }

    /** The ledger's rows as a bundle source; entries stream through a server-side cursor. */
    private final class DatabaseSource implements BundleSource {

        private final TenantId tenant;
        private final LogHeader header;
        private final List<String> checkpoints;
        private final List<String> keys;
        private final List<Anchored> anchors;

        DatabaseSource(TenantId tenant, LogHeader header, List<String> checkpoints, List<String> keys, List<Anchored> anchors) {
            this.tenant = tenant;
            this.header = header;
            this.checkpoints = checkpoints;
            this.keys = keys;
            this.anchors = anchors;
        }

        @Override
        public LogHeader header() {
            return header;
        }

        @Override
        public List<String> checkpoints() {
            return checkpoints;
        }

        @Override
        public List<String> keys() {
            return keys;
        }

        @Override
        public List<Anchored> anchors() {
            return anchors;
        }

        @Override
        public boolean hasStoredLeafHashes() {
            return true;
        }

        @Override
        public EntryCursor entries() throws IOException {
            try {
                return TenantContext.callAs(tenant, () -> new RowCursor(tenant, header.firstIndex(), header.size()));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() {
        }
    }

    /** Entries in index order, from a cursor in a read-only transaction. */
    private final class RowCursor implements BundleSource.EntryCursor {

        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private byte[] entry;
        private byte[] leaf;

        RowCursor(TenantId tenant, long first, long end) {
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                statement = connection.prepareStatement(
                        "select entry, leaf_hash from audit_entries where tenant_id = ? and idx >= ? and idx < ? order by idx");
                statement.setFetchSize(FETCH_SIZE);
                statement.setObject(1, tenant.value());
                statement.setLong(2, first);
                statement.setLong(3, end);
                rows = statement.executeQuery();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("could not read the audit log: " + e.getMessage(), e));
            }
        }

        @Override
        public boolean next() throws IOException {
            try {
                if (!rows.next()) {
                    return false;
                }
                entry = rows.getBytes(1);
                leaf = rows.getBytes(2);
                return true;
            } catch (SQLException e) {
                throw new IOException("could not read the audit log: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] buffer() {
            return entry;
        }

        @Override
        public int offset() {
            return 0;
        }

        @Override
        public int length() {
            return entry.length;
        }

        @Override
        public boolean terminated() {
            return true;
        }

        @Override
        public byte[] storedLeafHash() {
            return leaf;
        }

        @Override
        public boolean storedLeafHashesRemain() {
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                rows.close();
                statement.close();
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
