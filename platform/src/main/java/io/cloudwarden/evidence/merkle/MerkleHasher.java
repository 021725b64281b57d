package io.cloudwarden.evidence.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The tree hash of RFC 6962 section 2.1 / RFC 9162 section 2.1.1: the empty tree hashes to H(""), a leaf
 * to H(0x00 || entry), an interior node to H(0x01 || left || right). SHA-256 is the default, which standard
 * transparency-log tooling verifies; SHA3-256 can be chosen per log.
 */
public enum MerkleHasher {
    SHA_256("SHA-256"),
    SHA3_256("SHA3-256");

    /** Bytes of every hash either algorithm produces. */
    public static final int HASH_BYTES = 32;

    private final String jcaName;

    MerkleHasher(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The hash of a tree with no entries. */
    public byte[] emptyRoot() {
        return digest().digest();
    }

    /** The hash of a leaf holding {@code entry}. */
    public byte[] leafHash(byte[] entry) {
        MessageDigest md = digest();
        md.update((byte) 0x00);
        md.update(entry);
        return md.digest();
    }

    /** The hash of an interior node. */
    public byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = digest();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** The algorithm's standard name, e.g. {@code SHA-256}, as written in checkpoints. */
    public String standardName() {
        return jcaName;
    }

    /** The hasher whose {@link #standardName()} is {@code name} (case-insensitive). */
    public static MerkleHasher forName(String name) {
        for (MerkleHasher hasher : values()) {
            if (hasher.jcaName.equalsIgnoreCase(name)) {
                return hasher;
            }
        }
        throw new IllegalArgumentException("unknown hash algorithm '" + name + "': use SHA-256 or SHA3-256");
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is not available in this JVM", e);
        }
    }
}
