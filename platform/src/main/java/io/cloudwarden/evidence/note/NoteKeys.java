package io.cloudwarden.evidence.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Shared Ed25519 key plumbing of signed notes: raw key encodings, key ids and name rules. */
final class NoteKeys {

    /** Signature type byte of Ed25519 note keys. */
    static final byte ED25519 = 0x01;

    // DER prefixes that wrap a raw 32-byte Ed25519 public key (X.509) or seed (PKCS #8) for the JCA
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private NoteKeys() {
    }

    /** The 4-byte key id: SHA-256(name || 0x0A || type || public key)[:4]. */
    static byte[] keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x0A);
            md.update(ED25519);
            md.update(rawPublicKey);
            return Arrays.copyOf(md.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key names are non-empty UTF-8 without spaces or '+' (c2sp.org/signed-note). */
    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
    }

    static PublicKey publicKey(byte[] raw) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 public key", e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 private key", e);
        }
    }

    /** The raw 32-byte public key inside a JCA Ed25519 public key. */
    static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    /** The raw 32-byte seed inside a JCA Ed25519 private key (PKCS #8 without the optional public key). */
    static byte[] seed(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der.length != PKCS8_PREFIX.length + 32) {
            throw new IllegalArgumentException("unexpected Ed25519 private key encoding");
        }
        return Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
