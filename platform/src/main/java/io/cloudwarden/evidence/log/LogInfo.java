package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.merkle.MerkleHasher;

/**
 * A tenant's log: its origin, hash algorithm, current size and root.
 *
 * @param onlineRetentionDays   the tenant's own online retention of entries, or {@code null} for the default
 * @param evidenceRetentionDays the tenant's own retention of evidence items, or {@code null} for the default
 */
public record LogInfo(String origin, MerkleHasher hasher, long treeSize, byte[] rootHash, Integer onlineRetentionDays,
                      Integer evidenceRetentionDays) {
}
