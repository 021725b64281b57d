package io.cloudwarden.evidence.merkle;

/**
 * Hashes of perfect subtrees: the node at height {@code level} with index {@code index} covers leaves
 * {@code index * 2^level} to {@code (index + 1) * 2^level - 1}. A node is only asked for once all its leaves
 * exist, so its hash never changes.
 */
@FunctionalInterface
public interface NodeSource {

    /** The hash of one perfect subtree (level 0 is a leaf hash). */
    byte[] node(int level, long index);
}
