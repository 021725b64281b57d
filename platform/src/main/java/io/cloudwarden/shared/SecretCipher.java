package io.cloudwarden.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption for secrets at rest (connector credentials, signing keys). Every value gets its own
 * random 256-bit data key; the value is sealed with AES-256-GCM under the data key, and the data key is
 * sealed under the master key from configuration. The blob records the master key's id, so master keys
 * can rotate: re-wrapping a data key does not touch the value.
 *
 * <p>Blob layout: {@code version(1) | masterKeyId(8) | wrapNonce(12) | wrappedKeyLen(2) | wrappedKey |
 * nonce(12) | ciphertext+tag}.
 */
public final class SecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec masterKey;
    private final byte[] masterKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey 32 bytes of key material */
    public SecretCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be exactly 32 bytes (256 bits)");
        }
        this.masterKey = new SecretKeySpec(masterKey.clone(), "AES");
        this.masterKeyId = Arrays.copyOf(sha256(masterKey), 8);
    }

    /** The hex id of the master key, safe to log. */
    public String masterKeyId() {
        return HexFormat.of().formatHex(masterKeyId);
    }

    /** Seals a UTF-8 string. */
    public byte[] encrypt(String plaintext) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try {
            byte[] wrapNonce = nonce();
            byte[] wrapped = seal(masterKey, wrapNonce, dataKey, masterKeyId);
            byte[] nonce = nonce();
            byte[] sealed = seal(new SecretKeySpec(dataKey, "AES"), nonce, plaintext.getBytes(StandardCharsets.UTF_8), masterKeyId);
            ByteBuffer out = ByteBuffer.allocate(1 + 8 + NONCE_BYTES + 2 + wrapped.length + NONCE_BYTES + sealed.length);
            out.put(VERSION).put(masterKeyId).put(wrapNonce).putShort((short) wrapped.length).put(wrapped).put(nonce).put(sealed);
            return out.array();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Opens a blob made by {@link #encrypt}.
     *
     * @throws IllegalStateException when the blob was sealed under another master key or was tampered with
     */
    public String decrypt(byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        if (in.get() != VERSION) {
            throw new IllegalStateException("unknown secret format");
        }
        byte[] keyId = new byte[8];
        in.get(keyId);
        if (!MessageDigest.isEqual(keyId, masterKeyId)) {
            throw new IllegalStateException("secret was sealed under master key " + HexFormat.of().formatHex(keyId)
                    + " but the configured master key is " + masterKeyId());
        }
        byte[] wrapNonce = new byte[NONCE_BYTES];
        in.get(wrapNonce);
        byte[] wrapped = new byte[in.getShort()];
        in.get(wrapped);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        byte[] dataKey = open(masterKey, wrapNonce, wrapped, keyId);
        try {
            return new String(open(new SecretKeySpec(dataKey, "AES"), nonce, sealed, keyId), StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] nonce() {
        byte[] n = new byte[NONCE_BYTES];
        random.nextBytes(n);
        return n;
    }

    private static byte[] seal(SecretKeySpec key, byte[] nonce, byte[] data, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private static byte[] open(SecretKeySpec key, byte[] nonce, byte[] data, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be decrypted: it was tampered with or sealed under another key");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
