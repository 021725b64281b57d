package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.anchor.CheckpointFeed;
import io.cloudwarden.evidence.anchor.LogCheckpoint;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger's side of anchoring: its newest checkpoints, proofs and roots, and its verifier keys. */
@Component
class LedgerCheckpointFeed implements CheckpointFeed {

    private final JdbcClient jdbc;
    private final LedgerService ledger;
    private final LogDirectory logs;

    LedgerCheckpointFeed(JdbcClient jdbc, LedgerService ledger, LogDirectory logs) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.logs = logs;
    }

    @Override
    public List<LogCheckpoint> latestCheckpoints() {
        return jdbc.sql("select tenant_id, note from cw_audit_latest_checkpoints()")
                .query((rs, n) -> LogCheckpoint.of(new TenantId(rs.getObject(1, UUID.class)), rs.getString(2))).list();
    }

    @Override
    public Optional<LogCheckpoint> latestCheckpoint(TenantId tenant) {
        return ledger.latestCheckpoint(tenant).map(c -> LogCheckpoint.of(tenant, c.note()));
    }

    @Override
    public String origin(TenantId tenant) {
        return logs.origin(tenant);
    }

    @Override
    public List<byte[]> consistencyProof(TenantId tenant, long oldSize, long newSize) {
        return ledger.consistencyProof(tenant, oldSize, newSize);
    }

    @Override
    public Optional<byte[]> rootAt(TenantId tenant, long size) {
        long current = TenantContext.callAs(tenant, () -> logs.getOrCreate(tenant).treeSize());
        return size > current ? Optional.empty() : Optional.of(ledger.rootHash(tenant, size));
    }

    @Override
    public List<NoteVerifier> verifiers(TenantId tenant) {
        return ledger.verifierKeys(tenant).stream().map(NoteVerifier::parse).toList();
    }
}
