package io.cloudwarden.evidence.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The tree-head, audit-path and consistency-proof definitions of RFC 9162 section 2.1 (MTH, PATH, PROOF),
 * computed over leaf hashes supplied by index. Each call recomputes the subtrees it needs from the leaves,
 * in O(n) hashing: the reference against which the log's stored-node implementation is checked, and
 * enough for offline verification of an exported bundle.
 */
public final class MerkleTree {

    private final MerkleHasher hasher;
    private final LongFunction<byte[]> leafHashAt;

    /** @param leafHashAt the leaf hash of entry {@code i} (not the entry itself) */
    public MerkleTree(MerkleHasher hasher, LongFunction<byte[]> leafHashAt) {
        this.hasher = hasher;
        this.leafHashAt = leafHashAt;
    }

    /** MTH(D[0:size]). */
    public byte[] rootHash(long size) {
        return size == 0 ? hasher.emptyRoot() : subtreeHash(0, size);
    }

    /** PATH(index, D[0:size]): the audit path proving entry {@code index} is in the tree of {@code size}. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(size1, D[0:size2]): proves the tree of {@code size1} is a prefix of the tree of {@code size2}. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private byte[] subtreeHash(long start, long end) {
        long n = end - start;
        if (n == 1) {
            return leafHashAt.apply(start);
        }
        long k = largestPowerOfTwoBelow(n);
        return hasher.nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
    }

    private void path(long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(subtreeHash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(subtreeHash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(subtreeHash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(subtreeHash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(subtreeHash(start, start + k));
        }
    }

    /** The largest power of two strictly less than {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
