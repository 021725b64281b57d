package io.cloudwarden.evidence.log;

import java.time.Instant;

/** A signed checkpoint as issued: the tree size, root and the whole signed note. */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant createdAt) {
}
