package io.cloudwarden.evidence.verify;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * What {@link LogVerifier} checks: a bundle read from files ({@link BundleReader}) or any other source with the
 * same content, e.g. the ledger's rows streamed from the database.
 */
public interface BundleSource extends Closeable {

    /** The log header ({@code log.json}). */
    LogHeader header();

    /** The signed checkpoint notes ({@code checkpoints.json}), in the order given. */
    List<String> checkpoints();

    /** The verifier keys ({@code keys.txt}), one per element; blank elements are ignored. */
    List<String> keys();

    /** The anchored checkpoints ({@code anchors.json}); empty when there are none. */
    List<Anchored> anchors();

    /** Whether the ledger's stored leaf hashes come with the entries ({@code leaf-hashes.txt}). */
    boolean hasStoredLeafHashes();

    /** Opens a pass over the entries, from {@code firstIndex} on, in stored order. */
    EntryCursor entries() throws IOException;

    /**
     * A forward-only cursor over entries. The entry bytes are exposed as a slice of a buffer that is only valid
     * until the next call to {@link #next()}, so a pass over millions of entries allocates no entry copies.
     */
    interface EntryCursor extends Closeable {

        /** Moves to the next entry; {@code false} at the end. */
        boolean next() throws IOException;

        /** The buffer holding the current entry's bytes. */
        byte[] buffer();

        /** Where the current entry starts in {@link #buffer()}. */
        int offset();

        /** The length of the current entry, without its line terminator. */
        int length();

        /** Whether the current entry was complete (a file line ending in {@code \n}); always true for rows. */
        boolean terminated();

        /**
         * The stored leaf hash of the current entry: {@code null} when the source has none for it (none at all, or
         * fewer than entries), an array of another length than 32 bytes when the stored value is malformed.
         */
        byte[] storedLeafHash();

        /** After {@link #next()} returned {@code false}: whether stored leaf hashes remain (more hashes than entries). */
        boolean storedLeafHashesRemain() throws IOException;
    }
}
