package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compares a tenant's local log with the newest checkpoint every target holds. A target is {@code OK} when the
 * anchored note is signed by the log's keys, the local log is at least as large, and the local root at the
 * anchored size equals the anchored root. A larger anchored size means the database was rolled back (or
 * entries were deleted); another root at the same size means the log was rewritten. Targets are checked
 * independently: one that cannot be read is reported {@code UNAVAILABLE} and the others are still checked.
 */
public class AnchorCheck {

    private final List<AnchorTarget> targets;
    private final AnchorStore store;
    private final Supplier<Optional<CheckpointFeed>> feed;

    /**
     * @param targets the targets to read back
     * @param store   the record of anchorings (for when each checkpoint was anchored)
     * @param feed    the log, if one is installed
     */
    public AnchorCheck(List<AnchorTarget> targets, AnchorStore store, Supplier<Optional<CheckpointFeed>> feed) {
        this.targets = List.copyOf(targets);
        this.store = store;
        this.feed = feed;
    }

    /** One status per configured target for {@code tenant}'s log. */
    public List<AnchorStatus> check(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> {
            Optional<CheckpointFeed> log = feed.get();
            List<AnchorStatus> result = new ArrayList<>();
            if (log.isEmpty()) {
                targets.forEach(t -> result.add(new AnchorStatus(t.id(), null, null, 0, AnchorStatus.Status.UNAVAILABLE,
                        "no audit log is installed to compare with")));
                return result;
            }
            String origin = log.get().origin(tenant);
            long localSize = log.get().latestCheckpoint(tenant).map(LogCheckpoint::size).orElse(0L);
            for (AnchorTarget target : targets) {
                result.add(check(log.get(), tenant, origin, localSize, target));
            }
            return result;
        });
    }

    private AnchorStatus check(CheckpointFeed log, TenantId tenant, String origin, long localSize, AnchorTarget target) {
        Optional<String> note;
        try {
            note = target.latest(origin);
        } catch (RuntimeException e) {
            return new AnchorStatus(target.id(), null, null, localSize, AnchorStatus.Status.UNAVAILABLE,
                    "could not read the anchored checkpoint: " + e.getMessage());
        }
        if (note.isEmpty()) {
            return new AnchorStatus(target.id(), null, null, localSize, AnchorStatus.Status.NOT_ANCHORED,
                    "no checkpoint of " + origin + " is anchored here yet");
        }
        LogCheckpoint anchored;
        try {
            anchored = LogCheckpoint.of(tenant, note.get());
        } catch (IllegalArgumentException e) {
            return new AnchorStatus(target.id(), null, null, localSize, AnchorStatus.Status.MISMATCH,
                    "the anchored note is not a well-formed signed checkpoint: " + e.getMessage());
        }
        long size = anchored.size();
        Instant anchoredAt = anchoredAt(target, origin, size);
        if (!anchored.origin().equals(origin)) {
            return status(target, size, anchoredAt, localSize, AnchorStatus.Status.MISMATCH,
                    "the anchored checkpoint is of " + anchored.origin() + ", not of " + origin);
        }
        try {
            SignedNote.verify(anchored.note(), log.verifiers(tenant));
        } catch (IllegalArgumentException e) {
            return status(target, size, anchoredAt, localSize, AnchorStatus.Status.MISMATCH,
                    "the anchored checkpoint of size " + size + " is not signed by the log's keys (" + e.getMessage()
                            + "): it was not issued by this log");
        }
        if (localSize < size) {
            return status(target, size, anchoredAt, localSize, AnchorStatus.Status.ROLLBACK_DETECTED,
                    "the target holds a checkpoint of size " + size + " signed by the log, but the local log has only "
                            + localSize + " entries: the database was rolled back or entries were deleted");
        }
        Optional<byte[]> localRoot = log.rootAt(tenant, size);
        if (localRoot.isEmpty()) {
            return status(target, size, anchoredAt, localSize, AnchorStatus.Status.MISMATCH,
                    "the local log cannot compute its root at the anchored size " + size);
        }
        if (!MessageDigest.isEqual(localRoot.get(), anchored.rootHash())) {
            return status(target, size, anchoredAt, localSize, AnchorStatus.Status.MISMATCH,
                    "at size " + size + " the local root is " + b64(localRoot.get()) + " but the anchored root is "
                            + b64(anchored.rootHash()) + ": the log was rewritten");
        }
        return status(target, size, anchoredAt, localSize, AnchorStatus.Status.OK,
                "the local log (size " + localSize + ") extends the checkpoint anchored at size " + size);
    }

    private Instant anchoredAt(AnchorTarget target, String origin, long size) {
        try {
            return store.lastAnchored(target.id(), origin).filter(r -> r.treeSize() == size)
                    .map(AnchorRecord::anchoredAt).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static AnchorStatus status(AnchorTarget target, long size, Instant at, long localSize, AnchorStatus.Status s, String msg) {
        return new AnchorStatus(target.id(), size, at, localSize, s, msg);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
