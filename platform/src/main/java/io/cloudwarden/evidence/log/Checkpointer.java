package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Signs checkpoints: every {@code checkpoint-interval} for logs with new entries, and on demand. */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final JdbcClient jdbc;
    private final LogDirectory logs;
    private final SigningKeys keys;
    private final TransactionTemplate tx;

    Checkpointer(JdbcClient jdbc, LogDirectory logs, SigningKeys keys, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.logs = logs;
        this.keys = keys;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${cloudwarden.audit.checkpoint-interval:500ms}",
            initialDelayString = "${cloudwarden.audit.checkpoint-interval:500ms}")
    void checkpointDueLogs() {
        List<TenantId> due = jdbc.sql("select tenant_id from cw_audit_logs_to_checkpoint()")
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
        for (TenantId tenant : due) {
            try {
                TenantContext.runAs(tenant, () -> checkpoint(tenant));
            } catch (RuntimeException e) {
                log.error("Could not sign a checkpoint of the audit log of tenant {}", tenant, e);
            }
        }
    }

    /** Signs the current tree (if it has no checkpoint yet) and returns the checkpoint of that size. */
    StoredCheckpoint checkpoint(TenantId tenant) {
        return tx.execute(status -> {
            LogDirectory.LogRow row = logs.getOrCreate(tenant);
            Optional<StoredCheckpoint> existing = find(tenant, row.treeSize());
            if (existing.isPresent()) {
                return existing.get();
            }
            SigningKeys.ActiveKey key = keys.active();
            String note = SignedNote.sign(text(row.origin(), row.hasher(), row.treeSize(), row.rootHash()),
                    key.signer().withName(row.origin()));
            jdbc.sql("""
                    insert into audit_checkpoints (tenant_id, tree_size, root_hash, note, key_seq) values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, tree_size) do nothing""")
                    .params(tenant.value(), row.treeSize(), row.rootHash(), note, key.seq()).update();
            return find(tenant, row.treeSize()).orElseThrow();
        });
    }

    static String text(String origin, MerkleHasher hasher, long size, byte[] root) {
        List<String> extensions = hasher == MerkleHasher.SHA_256 ? List.of()
                : List.of(Checkpoint.HASH_ALGORITHM_EXTENSION + hasher.standardName());
        return new Checkpoint(origin, size, root, extensions).text();
    }

    Optional<StoredCheckpoint> find(TenantId tenant, long size) {
        return jdbc.sql("select tree_size, root_hash, note, created_at from audit_checkpoints where tenant_id = ? and tree_size = ?")
                .params(tenant.value(), size).query(Checkpointer::map).optional();
    }

    Optional<StoredCheckpoint> latest(TenantId tenant) {
        return jdbc.sql("""
                select tree_size, root_hash, note, created_at from audit_checkpoints where tenant_id = ?
                order by tree_size desc limit 1""")
                .param(tenant.value()).query(Checkpointer::map).optional();
    }

    /** The smallest checkpoint whose tree contains entry {@code index}. */
    Optional<StoredCheckpoint> covering(TenantId tenant, long index) {
        return jdbc.sql("""
                select tree_size, root_hash, note, created_at from audit_checkpoints where tenant_id = ? and tree_size > ?
                order by tree_size limit 1""")
                .params(tenant.value(), index).query(Checkpointer::map).optional();
    }

    static StoredCheckpoint map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
