package io.cloudwarden.evidence.anchor;

import java.util.List;

/** Supplies RFC 9162 consistency proofs of a log, which a witness needs before it cosigns. */
@FunctionalInterface
public interface ConsistencyProofs {

    /**
     * The consistency proof from the tree of {@code oldSize} to the tree of {@code newSize} of the log that
     * {@code checkpoint} belongs to (1 ≤ oldSize &lt; newSize = checkpoint size).
     */
    List<byte[]> between(LogCheckpoint checkpoint, long oldSize, long newSize);
}
