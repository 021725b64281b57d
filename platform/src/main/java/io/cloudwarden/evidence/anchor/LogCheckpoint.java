package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.TenantId;
import java.util.Objects;

/**
 * A signed checkpoint of one tenant's audit log, as anchored.
 *
 * @param tenant the tenant whose log it is
 * @param origin the log's origin (the checkpoint's first line)
 * @param size   the tree size
 * @param note   the signed note: the checkpoint text, a blank line and the log's signature lines
 */
public record LogCheckpoint(TenantId tenant, String origin, long size, String note) {

    /** Checks that the note is a well-formed signed checkpoint of this origin and size. */
    public LogCheckpoint {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(note, "note");
        Checkpoint parsed = Checkpoint.parse(SignedNote.parse(note).text());
        if (!parsed.origin().equals(origin) || parsed.size() != size) {
            throw new IllegalArgumentException("the note is a checkpoint of " + parsed.origin() + " at size " + parsed.size()
                    + ", not of " + origin + " at size " + size);
        }
    }

    /** A checkpoint of {@code tenant}'s log read from its signed note. */
    public static LogCheckpoint of(TenantId tenant, String note) {
        Checkpoint parsed = Checkpoint.parse(SignedNote.parse(note).text());
        return new LogCheckpoint(tenant, parsed.origin(), parsed.size(), note);
    }

    /** The checkpoint the note carries. */
    public Checkpoint checkpoint() {
        return Checkpoint.parse(text());
    }

    /** The signed text of the note (the checkpoint, without signature lines). */
    public String text() {
        return SignedNote.parse(note).text();
    }

    /** The root hash of the first {@code size} entries. */
    public byte[] rootHash() {
        return checkpoint().rootHash();
    }
}
