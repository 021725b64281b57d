package io.cloudwarden.evidence.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs with the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2,
 * and the conventions the transparency-dev/merkle vectors encode: every hash is exactly 32 bytes, an index
 * must be below the tree size, a proof must have exactly the expected length, a consistency proof from the
 * empty tree is meaningless (an error even to the empty tree), and equal sizes need an empty proof and
 * byte-equal roots. Sizes and indexes are unsigned 64-bit numbers in the RFC; values of 2^63 and above
 * cannot describe a real log, and parsers of proofs must reject them before calling this class.
 */
public final class MerkleProofs {

    private final MerkleHasher hasher;

    public MerkleProofs(MerkleHasher hasher) {
        this.hasher = hasher;
    }

    /** Checks that {@code leafHash} is entry {@code index} of the tree of {@code size} with root {@code root}. */
    public void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        requireHash(leafHash, "leaf hash");
        requireHash(root, "root");
        if (index < 0 || size < 0 || index >= size) {
            throw new InvalidProofException("index " + index + " is not in a tree of size " + size);
        }
        for (byte[] p : proof) {
            requireHash(p, "proof element");
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than the path of entry " + index + " in size " + size);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = hasher.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than the path of entry " + index + " in size " + size);
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new InvalidProofException("the proof leads to another root than the one given");
        }
    }

    /** Checks that the tree of {@code size1} with {@code root1} is a prefix of the tree of {@code size2} with {@code root2}. */
    public void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws InvalidProofException {
        if (size1 < 1) {
            throw new InvalidProofException("a consistency proof from the empty tree is meaningless");
        }
        if (size2 < size1) {
            throw new InvalidProofException("size " + size2 + " is smaller than size " + size1);
        }
        for (byte[] p : proof) {
            requireHash(p, "proof element");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("equal sizes need an empty proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new InvalidProofException("equal sizes with different roots");
            }
            return;
        }
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        if (proof.isEmpty()) {
            throw new InvalidProofException("the proof is empty");
        }
        boolean powerOfTwo = Long.bitCount(size1) == 1;
        int start = powerOfTwo ? -1 : 0;
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = powerOfTwo ? root1 : proof.get(0);
        byte[] sr = fr;
        for (int i = start + 1; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than needed from size " + size1 + " to " + size2);
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.nodeHash(c, fr);
                sr = hasher.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = hasher.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than needed from size " + size1 + " to " + size2);
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new InvalidProofException("the proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new InvalidProofException("the proof does not lead to the second root");
        }
    }

    private static void requireHash(byte[] hash, String what) throws InvalidProofException {
        if (hash == null || hash.length != MerkleHasher.HASH_BYTES) {
            throw new InvalidProofException("the " + what + " is not " + MerkleHasher.HASH_BYTES + " bytes");
        }
    }
}
