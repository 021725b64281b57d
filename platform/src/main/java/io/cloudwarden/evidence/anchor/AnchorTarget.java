package io.cloudwarden.evidence.anchor;

import java.util.Optional;

/**
 * A place outside the database where signed checkpoints are published, so that the database cannot be rolled
 * back or rewritten unnoticed. Implementations are thread-safe.
 */
public interface AnchorTarget {

    /** A stable identifier naming the kind and place, e.g. {@code directory:/var/anchors}, {@code s3://bucket/prefix}. */
    String id();

    /**
     * Publishes {@code checkpoint}. Publishing the same note again is harmless; a different note for a size
     * already anchored is refused.
     *
     * @throws AnchorException when the target refuses or cannot be reached
     */
    AnchorReceipt publish(LogCheckpoint checkpoint);

    /**
     * The newest signed note anchored for {@code origin}, read back from the target (for a witness: the note
     * with the witness's cosignature appended), or empty when none is.
     *
     * @throws AnchorException when the target cannot be read
     */
    Optional<String> latest(String origin);
}
