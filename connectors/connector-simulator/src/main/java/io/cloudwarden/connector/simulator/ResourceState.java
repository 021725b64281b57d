package io.cloudwarden.connector.simulator;

/**
 * The evolving part of one resource at a sync, obtained by replaying the deterministic mutations of every
 * sync since its creation: O(k) work for sync k, without materialising any other resource.
 */
final class ResourceState {

    private static final long DELETE = 0x44454C;
    private static final long MODIFY = 0x4D4F44;
    private static final long MUTATION = 0x4D5554;

    int resizes;
    boolean powerToggled;
    int tagEdits;
    boolean securityFlipped;
    int rulesAdded;
    /** Sync of the last mutation; the birth sync if none. */
    long lastModified;
    /** Sync at which the resource was deleted, or {@link Long#MAX_VALUE}. */
    long deletedAt = Long.MAX_VALUE;

    /** Replays mutations and deletion of {@code index} from its birth up to {@code sync}. */
    static ResourceState replay(EstateAtSync estate, long index, ResourceKind kind, long birth) {
        ResourceState state = new ResourceState();
        state.lastModified = birth;
        DeterministicHash hash = estate.hash();
        for (long round = birth + 1; round <= estate.sync(); round++) {
            if (DeterministicHash.unit(hash.hash(index, DELETE, round)) < estate.deleteProbability()) {
                state.deletedAt = round;
                return state;
            }
            if (DeterministicHash.unit(hash.hash(index, MODIFY, round)) < estate.modifyProbability()) {
                Mutation[] options = kind.mutations();
                state.apply(options[DeterministicHash.pick(hash.hash(index, MUTATION, round), options.length)]);
                state.lastModified = round;
            }
        }
        return state;
    }

    /** Whether {@code index} (born at {@code birth}) is deleted at or before the estate's sync; O(k). */
    static boolean deletedBy(EstateAtSync estate, long index, long birth) {
        DeterministicHash hash = estate.hash();
        for (long round = birth + 1; round <= estate.sync(); round++) {
            if (DeterministicHash.unit(hash.hash(index, DELETE, round)) < estate.deleteProbability()) {
                return true;
            }
        }
        return false;
    }

    private void apply(Mutation mutation) {
        switch (mutation) {
            case RESIZE -> resizes++;
            case POWER -> powerToggled = !powerToggled;
            case TAGS -> tagEdits++;
            case SECURITY -> securityFlipped = !securityFlipped;
            case RULE -> rulesAdded++;
        }
    }
}
