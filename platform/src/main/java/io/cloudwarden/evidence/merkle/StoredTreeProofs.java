package io.cloudwarden.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 tree heads, inclusion proofs and consistency proofs computed from stored perfect-subtree hashes
 * (a {@link NodeSource}), reading O(log n) nodes instead of every leaf as {@link MerkleTree} does. Each
 * method follows the RFC's recursive definitions (MTH, PATH, SUBPROOF) over leaf ranges; every range it
 * splits starts at a multiple of its left half's size, so the left halves are always perfect subtrees.
 */
public final class StoredTreeProofs {

    private final MerkleHasher hasher;
    private final NodeSource nodes;

    public StoredTreeProofs(MerkleHasher hasher, NodeSource nodes) {
        this.hasher = hasher;
        this.nodes = nodes;
    }

    /** MTH of the first {@code size} leaves. */
    public byte[] rootHash(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        return size == 0 ? hasher.emptyRoot() : rangeHash(0, size);
    }

    /** PATH(index, D[0:size]), leaf to root. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(size1, D[0:size2]). */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= first size <= second size");
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    /** MTH(D[lo:hi]) for a range whose start is aligned to its largest power-of-two part. */
    private byte[] rangeHash(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, lo >>> level);
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        return hasher.nodeHash(rangeHash(lo, lo + k), rangeHash(lo + k, hi));
    }

    private void path(long m, long lo, long hi, List<byte[]> proof) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        if (m < lo + k) {
            path(m, lo, lo + k, proof);
            proof.add(rangeHash(lo + k, hi));
        } else {
            path(m, lo + k, hi, proof);
            proof.add(rangeHash(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean complete, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                proof.add(rangeHash(lo, hi));
            }
            return;
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, proof);
            proof.add(rangeHash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(rangeHash(lo, lo + k));
        }
    }
}
