package io.cloudwarden.evidence.anchor;

import java.time.Instant;

/**
 * The result of comparing the local log with one target's newest anchored checkpoint.
 *
 * @param target       the target's {@link AnchorTarget#id()}
 * @param anchoredSize the size of the newest checkpoint the target holds, or {@code null} when none or unreadable
 * @param anchoredAt   when that checkpoint was anchored, as recorded locally, or {@code null} when not recorded
 * @param localSize    the size of the local log's latest checkpoint (0 without one)
 * @param status       the verdict
 * @param message      what was found, precisely enough to act on
 */
public record AnchorStatus(String target, Long anchoredSize, Instant anchoredAt, long localSize, Status status, String message) {

    /** Verdicts of {@link AnchorCheck}. */
    public enum Status {
        /** The local log extends the anchored checkpoint: same root at the anchored size. */
        OK,
        /** The target holds no checkpoint of this log yet. */
        NOT_ANCHORED,
        /** The target holds a larger checkpoint, signed by the log, than the local log: it was rolled back. */
        ROLLBACK_DETECTED,
        /** The anchored checkpoint does not match the local log (another root, or not signed by the log's keys). */
        MISMATCH,
        /** The target could not be read. */
        UNAVAILABLE
    }
}
