package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import java.util.List;

/**
 * What {@code log.json} says about a bundle.
 *
 * @param origin     the log's origin, also the name of its signing key
 * @param hasher     the log's hash algorithm
 * @param tenant     the tenant whose log it is
 * @param firstIndex the index of the first entry in the bundle
 * @param size       one past the index of the last entry: the tree size the bundle reaches
 * @param prefix     the compact range of {@code [0, firstIndex)}, largest subtree first
 */
public record LogHeader(String origin, MerkleHasher hasher, String tenant, long firstIndex, long size, List<byte[]> prefix) {

    /** The value of {@code format} in {@code log.json}. */
    public static final String FORMAT = "cloudwarden-audit-bundle/1";

    public LogHeader {
        prefix = prefix.stream().map(byte[]::clone).toList();
    }

    /** Copies of the prefix hashes. */
    @Override
    public List<byte[]> prefix() {
        return prefix.stream().map(byte[]::clone).toList();
    }
}
