package io.cloudwarden.evidence.note;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 verifier key in the signed-note text form {@code <name>+<hex key id>+<base64(0x01 || public key)>}.
 */
public final class NoteVerifier {

    private final String name;
    private final byte[] keyId;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] keyId, byte[] rawPublicKey) {
        this.name = name;
        this.keyId = keyId;
        this.rawPublicKey = rawPublicKey;
        this.publicKey = NoteKeys.publicKey(rawPublicKey);
    }

    /** Parses a verifier key; rejects wrong lengths, unknown algorithms and key ids that do not match. */
    public static NoteVerifier parse(String vkey) {
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new IllegalArgumentException("malformed verifier key");
        }
        String name = vkey.substring(0, first);
        NoteKeys.checkName(name);
        byte[] id;
        byte[] key;
        try {
            id = HexFormat.of().parseHex(vkey.substring(first + 1, second));
            key = Base64.getDecoder().decode(vkey.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed verifier key");
        }
        if (id.length != 4) {
            throw new IllegalArgumentException("the key id must be 4 bytes");
        }
        if (key.length == 0 || key[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("unsupported key algorithm (only Ed25519, type 0x01)");
        }
        if (key.length != 33) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] raw = Arrays.copyOfRange(key, 1, 33);
        if (!MessageDigest.isEqual(id, NoteKeys.keyId(name, raw))) {
            throw new IllegalArgumentException("the key id does not match the key");
        }
        return new NoteVerifier(name, id, raw);
    }

    /** The verifier key named {@code name} for a raw 32-byte Ed25519 public key. */
    public static NoteVerifier of(String name, byte[] rawPublicKey) {
        NoteKeys.checkName(name);
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        return new NoteVerifier(name, NoteKeys.keyId(name, rawPublicKey), rawPublicKey.clone());
    }

    /** The text form of this key, for publishing. */
    public String encoded() {
        return name + "+" + HexFormat.of().formatHex(keyId) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.concat(new byte[] {NoteKeys.ED25519}, rawPublicKey));
    }

    public String name() {
        return name;
    }

    byte[] keyId() {
        return keyId.clone();
    }

    /** A copy of the raw 32-byte Ed25519 public key. */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /**
     * Whether {@code signature} is this key's raw Ed25519 signature of {@code text}. Signed notes use it
     * through {@link SignedNote#verify}; other formats over the same keys verify their own messages with it.
     */
    public boolean verify(byte[] text, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(text);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return encoded();
    }
}
