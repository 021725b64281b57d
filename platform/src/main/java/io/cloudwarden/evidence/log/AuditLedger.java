package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident audit log, one per tenant (docs/evidence/formats.md). Appends are durable before they
 * return; proofs and checkpoints cover any tree size up to the latest.
 */
public interface AuditLedger {

    /**
     * Appends one entry and returns once it is committed and flushed to disk, with its index. Appends from
     * concurrent callers are group-committed.
     *
     * @throws io.cloudwarden.shared.CloudwardenException {@code AUDIT_UNAVAILABLE} when the ledger cannot
     *         take the entry
     */
    AppendReceipt append(AuditRecord record);

    /**
     * Appends one entry inside the caller's transaction, for an action whose own writes must commit or roll
     * back together with its entry and that needs the entry's index at once (an evidence item stores it). The
     * entry, and the tenant's log lock this takes, last until that transaction ends, so call it as late in the
     * transaction as possible; the commit waits for the WAL flush. Other actions publish an
     * {@link io.cloudwarden.shared.AuditableEvent} instead.
     *
     * @throws IllegalStateException when no transaction is active
     */
    AppendReceipt appendInTransaction(AuditRecord record);

    /** The tenant's log (created on first use). */
    LogInfo log(TenantId tenant);

    /** One stored entry. */
    Optional<StoredEntry> entry(TenantId tenant, long index);

    /** The inclusion proof of entry {@code index} in the tree of {@code treeSize} entries. */
    InclusionProof inclusionProof(TenantId tenant, long index, long treeSize);

    /** The consistency proof between two tree sizes. */
    List<byte[]> consistencyProof(TenantId tenant, long firstSize, long secondSize);

    /** The root hash of the tree of the first {@code treeSize} entries. */
    byte[] rootHash(TenantId tenant, long treeSize);

    /** The newest signed checkpoint, if any was issued. */
    Optional<StoredCheckpoint> latestCheckpoint(TenantId tenant);

    /** Signs a checkpoint of the current tree now (or returns the existing one of the same size). */
    StoredCheckpoint checkpointNow(TenantId tenant);

    /** The verifier keys of the tenant's log, current and retired, in signed-note text form. */
    List<String> verifierKeys(TenantId tenant);

    /** Signs {@code text} (a signed-note text, ending in a newline) with the current key under the log's origin. */
    String signNote(TenantId tenant, String text);
}
