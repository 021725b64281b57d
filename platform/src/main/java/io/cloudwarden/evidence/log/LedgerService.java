package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.merkle.StoredTreeProofs;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The {@link AuditLedger} over PostgreSQL: group-committed appends, stored tiles, signed checkpoints. */
@Service
@EnableScheduling
@EnableConfigurationProperties(AuditProperties.class)
class LedgerService implements AuditLedger {

    private final Sequencer sequencer;
    private final LogWriter writer;
    private final LogDirectory logs;
    private final TileStore tiles;
    private final Checkpointer checkpointer;
    private final SigningKeys keys;
    private final JdbcClient jdbc;
    private final AuditProperties props;

    LedgerService(Sequencer sequencer, LogWriter writer, LogDirectory logs, TileStore tiles, Checkpointer checkpointer,
                  SigningKeys keys, JdbcClient jdbc, AuditProperties props) {
        this.sequencer = sequencer;
        this.writer = writer;
        this.logs = logs;
        this.tiles = tiles;
        this.checkpointer = checkpointer;
        this.keys = keys;
        this.jdbc = jdbc;
        this.props = props;
    }

    @Override
    public AppendReceipt append(AuditRecord record) {
        String details = EntryCodec.detailsJson(record.details());
        try {
            return sequencer.submit(new LogWriter.Pending(record, details))
                    .get(props.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CloudwardenException ce) {
                throw ce;
            }
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    @Override
    public AppendReceipt appendInTransaction(AuditRecord record) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("appendInTransaction needs an active transaction");
        }
        try {
            LogWriter.Appended appended = TenantContext.callAs(record.tenant(), () -> writer.append(record.tenant(),
                    List.of(new LogWriter.Pending(record, EntryCodec.detailsJson(record.details())))));
            return new AppendReceipt(record.tenant(), appended.firstIndex(), appended.entries().get(0),
                    appended.leafHashes().get(0));
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    private static CloudwardenException unavailable(Throwable cause) {
        return new CloudwardenException(EvidenceErrorCode.AUDIT_UNAVAILABLE,
                "The audit log did not confirm the entry (" + cause.getClass().getSimpleName() + ").");
    }

    @Override
    public LogInfo log(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> logs.getOrCreate(tenant).info());
    }

    @Override
    public Optional<StoredEntry> entry(TenantId tenant, long index) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("""
                        select idx, occurred_at, actor, action, outcome, target, entry, leaf_hash from audit_entries
                        where tenant_id = ? and idx = ?""")
                .params(tenant.value(), index)
                .query((rs, n) -> new StoredEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), LogWriter.outcome(rs.getString(5)), rs.getString(6), rs.getBytes(7), rs.getBytes(8)))
                .optional());
    }

    @Override
    public InclusionProof inclusionProof(TenantId tenant, long index, long treeSize) {
        return TenantContext.callAs(tenant, () -> {
            LogDirectory.LogRow log = logs.getOrCreate(tenant);
            checkSize(treeSize, log);
            if (index < 0 || index >= treeSize) {
                throw new CloudwardenException(EvidenceErrorCode.INVALID_PROOF_REQUEST,
                        "Entry " + index + " is not in a tree of " + treeSize + " entries.");
            }
            StoredEntry entry = entry(tenant, index).orElseThrow(() -> archived(tenant, index));
            StoredTreeProofs proofs = proofs(tenant, log);
            return new InclusionProof(index, treeSize, entry.entry(), entry.leafHash(),
                    proofs.inclusionProof(index, treeSize), proofs.rootHash(treeSize));
        });
    }

    @Override
    public List<byte[]> consistencyProof(TenantId tenant, long firstSize, long secondSize) {
        return TenantContext.callAs(tenant, () -> {
            LogDirectory.LogRow log = logs.getOrCreate(tenant);
            checkSize(secondSize, log);
            if (firstSize < 0 || firstSize > secondSize) {
                throw new CloudwardenException(EvidenceErrorCode.INVALID_PROOF_REQUEST,
                        "A consistency proof needs 0 <= first <= second (got " + firstSize + " and " + secondSize + ").");
            }
            return proofs(tenant, log).consistencyProof(firstSize, secondSize);
        });
    }

    @Override
    public byte[] rootHash(TenantId tenant, long treeSize) {
        return TenantContext.callAs(tenant, () -> {
            LogDirectory.LogRow log = logs.getOrCreate(tenant);
            checkSize(treeSize, log);
            return proofs(tenant, log).rootHash(treeSize);
        });
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> checkpointer.latest(tenant));
    }

    /** The checkpoint of exactly {@code treeSize}, if one was issued. */
    Optional<StoredCheckpoint> checkpoint(TenantId tenant, long treeSize) {
        return TenantContext.callAs(tenant, () -> checkpointer.find(tenant, treeSize));
    }

    @Override
    public StoredCheckpoint checkpointNow(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> checkpointer.checkpoint(tenant));
    }

    @Override
    public List<String> verifierKeys(TenantId tenant) {
        return keys.verifierKeys(logs.origin(tenant));
    }

    @Override
    public String signNote(TenantId tenant, String text) {
        return SignedNote.sign(text, keys.active().signer().withName(logs.origin(tenant)));
    }

    /** The error for an entry that is in the tree but not online: archived (or, if not, removed behind our back). */
    private CloudwardenException archived(TenantId tenant, long index) {
        return jdbc.sql("select location from audit_archives where tenant_id = ? and first_index <= ? and end_index > ?")
                .params(tenant.value(), index, index).query(String.class).optional()
                .map(location -> new CloudwardenException(EvidenceErrorCode.AUDIT_ENTRY_ARCHIVED, "Entry " + index
                        + " is past the online retention; it is in the archived segment " + location
                        + ", which verify-log checks on its own."))
                .orElseGet(() -> new CloudwardenException(EvidenceErrorCode.AUDIT_ENTRY_NOT_FOUND, "Entry " + index
                        + " is missing from the online log although no archive holds it; run POST /api/v1/audit/verify."));
    }

    private StoredTreeProofs proofs(TenantId tenant, LogDirectory.LogRow log) {
        return new StoredTreeProofs(log.hasher(), Tiles.nodes(log.hasher(), (level, index, minWidth) -> tiles.read(tenant, level, index, minWidth)));
    }

    private static void checkSize(long treeSize, LogDirectory.LogRow log) {
        if (treeSize < 0 || treeSize > log.treeSize()) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_TREE_SIZE,
                    "The tree size must be between 0 and the log's size, " + log.treeSize() + " (got " + treeSize + ").");
        }
    }
}
