package io.cloudwarden.evidence.anchor;

import java.util.OptionalLong;

/**
 * A checkpoint the {@link Witness} refuses to cosign, with the HTTP status c2sp.org/tlog-witness assigns:
 * 400 malformed, 403 no valid log signature, 404 unknown origin, 409 the old size is not the witness's
 * latest (with {@link #knownSize()}) or equal sizes with different roots, 422 the consistency proof fails.
 */
public class WitnessException extends Exception {

    private final int status;
    private final Long knownSize;

    public WitnessException(int status, String message) {
        this(status, message, null);
    }

    private WitnessException(int status, String message, Long knownSize) {
        super(message);
        this.status = status;
        this.knownSize = knownSize;
    }

    /** A 409 Conflict: the witness's latest cosigned size for the origin is {@code knownSize}. */
    public static WitnessException conflict(long knownSize, String message) {
        return new WitnessException(409, message, knownSize);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** For a 409 about the old size: the size of the witness's latest cosigned checkpoint. */
    public OptionalLong knownSize() {
        return knownSize == null ? OptionalLong.empty() : OptionalLong.of(knownSize);
    }
}
