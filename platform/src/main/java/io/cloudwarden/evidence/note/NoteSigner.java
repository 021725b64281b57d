package io.cloudwarden.evidence.note;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 signer key, with the golang.org/x/mod/sumdb/note text form
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>} for storage (encrypted, like every secret).
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed, byte[] rawPublicKey) {
        NoteKeys.checkName(name);
        this.name = name;
        this.seed = seed;
        this.privateKey = NoteKeys.privateKey(seed);
        this.verifier = NoteVerifier.parse(name + "+" + HexFormat.of().formatHex(NoteKeys.keyId(name, rawPublicKey)) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.concat(new byte[] {NoteKeys.ED25519}, rawPublicKey)));
    }

    /** A new random key named {@code name} (for a log: its origin). */
    public static NoteSigner generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(name, NoteKeys.seed(pair.getPrivate()), NoteKeys.raw(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    /** Parses the private text form; checks that the key id matches the key. */
    public static NoteSigner parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a signer key");
        }
        String rest = skey.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new IllegalArgumentException("malformed signer key");
        }
        String name = rest.substring(0, first);
        byte[] key = Base64.getDecoder().decode(rest.substring(second + 1));
        if (key.length != 33 || key[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("only Ed25519 signer keys (type 0x01, 32-byte seed) are supported");
        }
        byte[] seed = Arrays.copyOfRange(key, 1, 33);
        NoteSigner signer = new NoteSigner(name, seed, derivePublic(seed));
        if (!rest.substring(first + 1, second).equalsIgnoreCase(HexFormat.of().formatHex(signer.verifier.keyId()))) {
            throw new IllegalArgumentException("the key id does not match the key");
        }
        return signer;
    }

    /**
     * The same Ed25519 key under another name. One installation key signs every tenant's log, each under the
     * log's origin as the key name, so every log has its own verifier key text and key id.
     */
    public NoteSigner withName(String otherName) {
        return new NoteSigner(otherName, seed.clone(), verifier.rawPublicKey());
    }

    /** The private text form; a secret: store it encrypted, never log it. */
    public String encoded() {
        return PREFIX + name + "+" + HexFormat.of().formatHex(verifier.keyId()) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.concat(new byte[] {NoteKeys.ED25519}, seed));
    }

    public String name() {
        return name;
    }

    /** The matching verifier key, to publish. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /**
     * The raw Ed25519 signature of {@code text} under this key. Signed notes use it through
     * {@link SignedNote#sign}; other formats over the same keys (c2sp.org/tlog-cosignature) sign their own
     * messages with it.
     */
    public byte[] sign(byte[] text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static byte[] derivePublic(byte[] seed) {
        // The JCA cannot derive an Ed25519 public key from a seed directly. Its key pair generator draws the seed
        // from the SecureRandom it is given, so handing it this seed yields this seed's key pair; the golang note
        // vectors (key id and deterministic signature) check that in NoteVectorsTest.
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
            gen.initialize(255, new FixedSeed(seed));
            return NoteKeys.raw(gen.generateKeyPair().getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name + "]";
    }

    /** A SecureRandom that yields the given seed, so the JCA's generator derives the key pair of that seed. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
