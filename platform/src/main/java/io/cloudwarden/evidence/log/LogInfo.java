package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.merkle.MerkleHasher;

/**
 * A tenant's log: its origin, hash algorithm, current size and root.
 *
 * @param onlineRetentionDays the tenant's own online retention, or {@code null} for the installation default
 */
public record LogInfo(String origin, MerkleHasher hasher, long treeSize, byte[] rootHash, Integer onlineRetentionDays) {
}
