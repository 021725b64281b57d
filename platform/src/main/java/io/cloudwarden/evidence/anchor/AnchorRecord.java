package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One anchoring attempt of one checkpoint at one target, as {@link AnchorStore} keeps it.
 *
 * @param tenant      the tenant whose log it is
 * @param origin      the log's origin
 * @param target      the target's {@link AnchorTarget#id()}
 * @param treeSize    the checkpoint's size
 * @param rootHash    the checkpoint's root hash
 * @param note        the signed checkpoint note
 * @param cosignature a witness's cosignature line(s), or {@code null}
 * @param location    where the target put it, or {@code null} (failures)
 * @param anchoredAt  when (the attempt's time for failures)
 * @param status      whether it succeeded
 * @param error       why it failed, or {@code null}
 */
public record AnchorRecord(TenantId tenant, String origin, String target, long treeSize, byte[] rootHash, String note,
                           String cosignature, String location, Instant anchoredAt, Status status, String error) {

    /** Outcome of an attempt. */
    public enum Status {
        ANCHORED, FAILED
    }

    public AnchorRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note as the target holds it: with the cosignature appended for a witness. */
    public String anchoredNote() {
        return cosignature == null ? note : note + cosignature;
    }
}
