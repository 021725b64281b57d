package io.cloudwarden.connector.simulator;

import java.time.Duration;
import java.time.Instant;

/** One index of the estate at a sync: its kind, placement, lazily replayed state and ids. */
final class Slot {

    /** Fixed epoch of the simulation: sync k happens k-1 days after it. Never the wall clock. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long CREATED = 0x435254;

    private final EstateAtSync estate;
    private final long index;
    private final long block;
    private final int position;
    private final ResourceKind kind;
    private ResourceState state;
    private String nativeId;
    private long birth = -1;

    Slot(EstateAtSync estate, long index, long block, int position, ResourceKind kind) {
        this.estate = estate;
        this.index = index;
        this.block = block;
        this.position = position;
        this.kind = kind;
    }

    long index() {
        return index;
    }

    long block() {
        return block;
    }

    int position() {
        return position;
    }

    ResourceKind kind() {
        return kind;
    }

    String accountId() {
        return estate.settings().accountId();
    }

    long sync() {
        return estate.sync();
    }

    /** Region of the block, even for global kinds (e.g. where an S3 bucket lives). */
    String blockRegion() {
        return estate.regionOfBlock(block);
    }

    String region() {
        return kind.global() ? "global" : blockRegion();
    }

    /** A hash shared by every resource of the block, e.g. for its availability zone. */
    long blockHash(long salt) {
        return estate.hash().hash(-1 - block, salt);
    }

    long h(long salt) {
        return estate.hash().hash(index, salt);
    }

    double u(long salt) {
        return DeterministicHash.unit(h(salt));
    }

    int pick(long salt, int n) {
        return DeterministicHash.pick(h(salt), n);
    }

    /** The resource at {@code position} of the same block. */
    Slot sibling(int otherPosition) {
        return estate.slot(block * estate.provider().blockSize() + otherPosition);
    }

    long birth() {
        if (birth < 0) {
            birth = estate.birth(index);
        }
        return birth;
    }

    /** Whether the resource has been created by this sync (it may have been deleted since). */
    boolean exists() {
        return index < estate.totalIndices();
    }

    /** Whether the resource exists and is not deleted at this sync. */
    boolean alive() {
        if (!exists()) {
            return false;
        }
        return state != null ? state.deletedAt == Long.MAX_VALUE : !ResourceState.deletedBy(estate, index, birth());
    }

    ResourceState state() {
        if (state == null) {
            state = ResourceState.replay(estate, index, kind, birth());
        }
        return state;
    }

    String nativeId() {
        if (nativeId == null) {
            nativeId = estate.provider().nativeId(this);
        }
        return nativeId;
    }

    /** Creation time: up to ~2.5 years before the epoch for the base estate, the day of birth otherwise. */
    Instant createdAt() {
        long h = h(CREATED);
        if (birth() == 1) {
            return EPOCH.minusSeconds(86_400L + Long.remainderUnsigned(h, 900L * 86_400));
        }
        return EPOCH.plus(Duration.ofDays(birth() - 1)).plusSeconds(Long.remainderUnsigned(h, 86_400));
    }
}
