package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.NoteVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A witness's Ed25519 cosigner key for timestamped checkpoint cosignatures (c2sp.org/tlog-cosignature,
 * {@code cosignature/v1}). Its verifier-key text form is {@code <name>+<hex key id>+<base64(0x04 || public key)>},
 * with key id {@code SHA-256(name || 0x0A || 0x04 || public key)[:4]}. A cosignature line is
 * {@code — <name> base64(key id || 8-byte big-endian timestamp || Ed25519 signature)}, the signature covering
 * {@code "cosignature/v1\ntime <unix seconds>\n" + checkpoint text}.
 *
 * <p>The private key is an ordinary Ed25519 {@link NoteSigner}; a cosigner must not use it for anything else.
 */
public final class CosignerKey {

    /** The signature type byte of Ed25519 cosignature/v1 keys. */
    public static final byte COSIGNATURE_V1 = 0x04;

    private static final String DASH = "\u2014 ";
    private static final int SIGNATURE_BYTES = 64;

    private final String name;
    private final byte[] keyId;
    private final byte[] rawPublicKey;
    private final NoteVerifier ed25519;

    private CosignerKey(String name, byte[] rawPublicKey) {
        this.ed25519 = NoteVerifier.of(name, rawPublicKey);
        this.name = name;
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = keyId(name, rawPublicKey);
    }

    /** The cosigner key of a witness's Ed25519 signing key (named like the signer). */
    public static CosignerKey of(NoteSigner signer) {
        return new CosignerKey(signer.name(), signer.verifier().rawPublicKey());
    }

    /** Parses a cosignature/v1 verifier key; rejects other types, wrong lengths and key ids that do not match. */
    public static CosignerKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3); // the base64 key may itself contain +
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("malformed cosigner verifier key");
        }
        byte[] id;
        byte[] key;
        try {
            id = HexFormat.of().parseHex(parts[1]);
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cosigner verifier key");
        }
        if (key.length != 33 || key[0] != COSIGNATURE_V1) {
            throw new IllegalArgumentException("not an Ed25519 cosignature/v1 key (type 0x04, 32-byte public key)");
        }
        CosignerKey parsed = new CosignerKey(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (!MessageDigest.isEqual(id, parsed.keyId)) {
            throw new IllegalArgumentException("the key id does not match the key");
        }
        return parsed;
    }

    /** The key's name, the witness's name in cosignature lines. */
    public String name() {
        return name;
    }

    /** The verifier-key text form, to configure in clients. */
    public String encoded() {
        return name + "+" + HexFormat.of().formatHex(keyId) + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] {COSIGNATURE_V1}, rawPublicKey));
    }

    /**
     * Cosigns {@code checkpointText} (a checkpoint note's text, ending in a newline) at {@code time}.
     *
     * @return the cosignature line, ending in a newline
     */
    public static String cosign(NoteSigner signer, String checkpointText, Instant time) {
        CosignerKey key = of(signer);
        long timestamp = time.getEpochSecond();
        byte[] signature = signer.sign(message(checkpointText, timestamp));
        byte[] payload = ByteBuffer.allocate(4 + 8 + SIGNATURE_BYTES).put(key.keyId).putLong(timestamp).put(signature).array();
        return DASH + key.name + " " + Base64.getEncoder().encodeToString(payload) + "\n";
    }

    /**
     * Finds this key's valid cosignature of {@code checkpointText} among {@code signatureLines}; lines of
     * other keys are ignored.
     *
     * @throws IllegalArgumentException when no line is a valid cosignature by this key, or a line that claims
     *                                  to be one does not verify
     */
    public Cosignature verify(String checkpointText, String signatureLines) {
        for (String line : signatureLines.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("malformed signature line");
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("malformed signature line");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed signature encoding");
            }
            if (!parts[0].equals(name) || raw.length < 4 || !MessageDigest.isEqual(Arrays.copyOf(raw, 4), keyId)) {
                continue;
            }
            if (raw.length != 4 + 8 + SIGNATURE_BYTES) {
                throw new IllegalArgumentException("a cosignature/v1 is a key id, a timestamp and a 64-byte signature");
            }
            ByteBuffer buffer = ByteBuffer.wrap(raw, 4, 8 + SIGNATURE_BYTES);
            long timestamp = buffer.getLong();
            if (timestamp < 0) {
                throw new IllegalArgumentException("the cosignature timestamp exceeds 2^63-1");
            }
            byte[] signature = Arrays.copyOfRange(raw, 12, raw.length);
            if (!ed25519.verify(message(checkpointText, timestamp), signature)) {
                throw new IllegalArgumentException("the cosignature of " + name + " does not verify");
            }
            return new Cosignature(line + "\n", Instant.ofEpochSecond(timestamp));
        }
        throw new IllegalArgumentException("no cosignature by " + name);
    }

    /** A verified cosignature: its line (ending in a newline) and its timestamp. */
    public record Cosignature(String line, Instant timestamp) {
    }

    static byte[] keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x0A);
            md.update(COSIGNATURE_V1);
            md.update(rawPublicKey);
            return Arrays.copyOf(md.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] message(String checkpointText, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return encoded();
    }
}
