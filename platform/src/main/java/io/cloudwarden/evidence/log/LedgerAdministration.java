package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Ledger operations the API needs beyond {@link AuditLedger}: settings, lookups, checkpoint listing, key rotation. */
@Component
public class LedgerAdministration {

    private final LogDirectory logs;
    private final Checkpointer checkpointer;
    private final SigningKeys keys;
    private final AuditLedger ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    LedgerAdministration(LogDirectory logs, Checkpointer checkpointer, SigningKeys keys, AuditLedger ledger,
                         JdbcClient jdbc, TransactionTemplate tx) {
        this.logs = logs;
        this.checkpointer = checkpointer;
        this.keys = keys;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Chooses the hash algorithm of a log that has no entries yet; the choice is the log's first entry (a
     * request for the algorithm it already has changes nothing).
     */
    public LogInfo setHashAlgorithm(TenantId tenant, MerkleHasher hasher, String actor, String sourceIp) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            LogDirectory.LogRow before = logs.lockForAppend(tenant);
            if (before.hasher() == hasher) {
                return before.info();
            }
            logs.setHashAlgorithm(tenant, hasher);
            ledger.appendInTransaction(new AuditRecord(tenant, Instant.now(), actor, "evidence.audit.settings-changed",
                    AuditableEvent.Outcome.SUCCESS, "audit-log", sourceIp, Map.of("hashAlgorithm", hasher.standardName())));
            return logs.getOrCreate(tenant).info();
        }));
    }

    /**
     * Sets how many days the tenant's entries stay online before they are archived ({@code null}: the
     * installation default); recorded in the log in the same transaction.
     */
    public LogInfo setOnlineRetention(TenantId tenant, Integer days, String actor, String sourceIp) {
        return setRetention(tenant, "online_retention_days", "onlineRetentionDays", days, actor, sourceIp);
    }

    /** Sets how many days the tenant's evidence items are kept ({@code null}: the installation default), audited. */
    public LogInfo setEvidenceRetention(TenantId tenant, Integer days, String actor, String sourceIp) {
        return setRetention(tenant, "evidence_retention_days", "evidenceRetentionDays", days, actor, sourceIp);
    }

    private LogInfo setRetention(TenantId tenant, String column, String name, Integer days, String actor, String sourceIp) {
        if (days != null && (days < 1 || days > 36_500)) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_SETTINGS,
                    name + " must be a whole number of days from 1 to 36500, or null for the default.");
        }
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            logs.lockForAppend(tenant);
            jdbc.sql("update audit_logs set " + column + " = ? where tenant_id = ?").params(days, tenant.value()).update();
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put(name, days == null ? "default" : days);
            ledger.appendInTransaction(new AuditRecord(tenant, Instant.now(), actor, "evidence.audit.settings-changed",
                    AuditableEvent.Outcome.SUCCESS, "audit-log", sourceIp, details));
            return logs.getOrCreate(tenant).info();
        }));
    }

    /** A checkpoint signing key as published: the raw Ed25519 public key and its lifetime. */
    public record PublishedKey(int seq, byte[] publicKey, Instant createdAt, Instant retiredAt) {
    }

    /** Every checkpoint signing key, current and retired (public halves only). */
    public List<PublishedKey> publishedKeys() {
        return keys.all().stream().map(k -> new PublishedKey(k.seq(), k.publicKey(), k.createdAt(), k.retiredAt())).toList();
    }

    /** The index of the entry with this leaf hash. */
    public long indexOfLeaf(TenantId tenant, byte[] leafHash) {
        return TenantContext.callAs(tenant, () -> jdbc.sql(
                        "select idx from audit_entries where tenant_id = ? and leaf_hash = ? order by idx limit 1")
                .params(tenant.value(), leafHash).query(Long.class).optional()
                .orElseThrow(() -> new CloudwardenException(EvidenceErrorCode.AUDIT_ENTRY_NOT_FOUND,
                        "No entry of this tenant's audit log has that leaf hash.")));
    }

    /** The checkpoint of exactly {@code treeSize}, if one was signed. */
    public Optional<StoredCheckpoint> checkpoint(TenantId tenant, long treeSize) {
        return TenantContext.callAs(tenant, () -> checkpointer.find(tenant, treeSize));
    }

    /** Checkpoints, newest first. */
    public CursorPage<StoredCheckpoint> checkpoints(TenantId tenant, String cursor, int limit) {
        if (limit < 1 || limit > AuditTimeline.MAX_LIMIT) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_FILTER,
                    "limit must be a whole number from 1 to " + AuditTimeline.MAX_LIMIT + ".");
        }
        long before = cursor == null ? Long.MAX_VALUE : Long.parseLong(Cursors.decode(cursor, "checkpoints", 1).get(0));
        List<StoredCheckpoint> items = new ArrayList<>(TenantContext.callAs(tenant, () -> jdbc.sql("""
                        select tree_size, root_hash, note, created_at from audit_checkpoints
                        where tenant_id = ? and tree_size < ? order by tree_size desc limit ?""")
                .params(tenant.value(), before, limit + 1).query(Checkpointer::map).list()));
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            next = Cursors.encode("checkpoints", List.of(Long.toString(items.get(limit - 1).treeSize())));
        }
        return new CursorPage<>(items, next);
    }

    /** Every checkpoint of the log in ascending size, for exports. */
    public List<StoredCheckpoint> allCheckpoints(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("""
                        select tree_size, root_hash, note, created_at from audit_checkpoints
                        where tenant_id = ? order by tree_size""")
                .param(tenant.value()).query(Checkpointer::map).list());
    }

    /** Rotates the installation's signing key, recorded in the requesting tenant's log in the same transaction. */
    public void rotateKey(TenantId tenant, String actor, String sourceIp) {
        int previous = keys.active().seq();
        tx.executeWithoutResult(status -> {
            keys.rotate();
            ledger.appendInTransaction(new AuditRecord(tenant, Instant.now(), actor, "evidence.signing-key.rotated",
                    AuditableEvent.Outcome.SUCCESS, "audit-signing-key", sourceIp, Map.of("previousKey", previous)));
        });
    }
}
