package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 9162 Merkle tree: the hashes of the perfect subtrees that cover {@code [0, size)}, largest
 * first (the "compact range" of {@code docs/evidence/formats.md}), one per set bit of {@code size}. Appending a
 * leaf merges equal-sized subtrees, so the memory is O(log n) however many leaves pass through, and
 * {@link #root()} equals {@code MerkleTree.rootHash(size)} of the same leaves. Not thread-safe.
 */
public final class CompactRange {

    private static final int MAX_HASHES = 64;

    private final MerkleHasher hasher;
    private final MessageDigest digest;
    private final byte[][] hashes = new byte[MAX_HASHES][];
    private int count;
    private long size;

    /** An empty tree. */
    public CompactRange(MerkleHasher hasher) {
        this.hasher = hasher;
        try {
            this.digest = MessageDigest.getInstance(hasher.standardName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hasher.standardName() + " is not available in this JVM", e);
        }
    }

    /**
     * A tree of {@code size} leaves known only by its compact range, e.g. a bundle's {@code prefix}.
     *
     * @param hashes the perfect-subtree hashes covering {@code [0, size)}, largest first: exactly one 32-byte
     *               hash per set bit of {@code size}
     * @throws IllegalArgumentException when the hashes do not fit {@code size}
     */
    public static CompactRange of(MerkleHasher hasher, long size, List<byte[]> hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has a compact range of " + Long.bitCount(size)
                    + " hashes, not " + hashes.size());
        }
        CompactRange range = new CompactRange(hasher);
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != MerkleHasher.HASH_BYTES) {
                throw new IllegalArgumentException("a compact range hash is not " + MerkleHasher.HASH_BYTES + " bytes");
            }
            range.hashes[range.count++] = hash.clone();
        }
        range.size = size;
        return range;
    }

    /** Appends a leaf by its leaf hash (not the entry: {@code H(0x00 || entry)}). */
    public void append(byte[] leafHash) {
        if (leafHash.length != MerkleHasher.HASH_BYTES) {
            throw new IllegalArgumentException("a leaf hash is " + MerkleHasher.HASH_BYTES + " bytes");
        }
        byte[] node = leafHash.clone();
        // every trailing one bit of the old size is a subtree as large as what we carry: merge it
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            node = nodeHash(hashes[--count], node, node);
        }
        hashes[count++] = node;
        size++;
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** MTH of the leaves so far: the empty hash for size 0, else the compact range folded from the right. */
    public byte[] root() {
        if (count == 0) {
            return hasher.emptyRoot();
        }
        byte[] root = hashes[count - 1].clone();
        for (int i = count - 2; i >= 0; i--) {
            root = nodeHash(hashes[i], root, root);
        }
        return root;
    }

    /** The current compact range (copies), largest subtree first: a later bundle's {@code prefix}. */
    public List<byte[]> hashes() {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(hashes[i].clone());
        }
        return out;
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + ", hashes=" + count + "]";
    }

    /** H(0x01 || left || right) into {@code out}, which may be {@code right} (it is read before being written). */
    private byte[] nodeHash(byte[] left, byte[] right, byte[] out) {
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        try {
            digest.digest(out, 0, MerkleHasher.HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
