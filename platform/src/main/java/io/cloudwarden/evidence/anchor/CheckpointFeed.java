package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * What anchoring needs from the audit log, implemented by the log (one bean). {@link #latestCheckpoints()}
 * is called with no tenant bound, the other methods with {@link io.cloudwarden.shared.TenantContext} bound
 * to {@code tenant}.
 */
public interface CheckpointFeed {

    /** The latest signed checkpoint of every tenant's log. */
    List<LogCheckpoint> latestCheckpoints();

    /** The origin of {@code tenant}'s log (also when it has no checkpoint yet). */
    String origin(TenantId tenant);

    /** The latest signed checkpoint of {@code tenant}'s log, if it has one. */
    default Optional<LogCheckpoint> latestCheckpoint(TenantId tenant) {
        return latestCheckpoints().stream().filter(c -> c.tenant().equals(tenant)).findFirst();
    }

    /** The RFC 9162 consistency proof between two sizes of {@code tenant}'s log (1 ≤ oldSize ≤ newSize ≤ its size). */
    List<byte[]> consistencyProof(TenantId tenant, long oldSize, long newSize);

    /** The root hash of the first {@code size} entries of {@code tenant}'s log; empty when the log is shorter. */
    Optional<byte[]> rootAt(TenantId tenant, long size);

    /** Every key, current and retired, that signs checkpoints of {@code tenant}'s log. */
    List<NoteVerifier> verifiers(TenantId tenant);
}
