package io.cloudwarden.evidence.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A signed note (c2sp.org/signed-note): UTF-8 text ending in a newline, a blank line, then one or more
 * signature lines {@code — <key name> <base64(4-byte key id || signature)>}. Each signature covers the text
 * bytes only.
 *
 * @param text       the signed text, ending in a newline
 * @param signatures every signature line, verified or not
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    private static final String DASH = "\u2014 ";

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** One signature line. */
    public record NoteSignature(String keyName, byte[] keyId, byte[] signature) {
    }

    /** Signs {@code text} (which must end in a newline) with every signer, in order. */
    public static String sign(String text, NoteSigner... signers) {
        checkText(text);
        StringBuilder out = new StringBuilder(text).append('\n');
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (NoteSigner signer : signers) {
            byte[] sig = signer.sign(bytes);
            out.append(DASH).append(signer.name()).append(' ')
                    .append(Base64.getEncoder().encodeToString(NoteKeys.concat(signer.verifier().keyId(), sig))).append('\n');
        }
        return out.toString();
    }

    /** Splits a note into text and signature lines without verifying anything. */
    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("malformed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: no signatures, or they do not end in a newline");
        }
        List<NoteSignature> sigs = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
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
            if (raw.length < 5) {
                throw new IllegalArgumentException("signature too short");
            }
            sigs.add(new NoteSignature(parts[0], Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
        }
        return new SignedNote(text, sigs);
    }

    /**
     * Parses {@code note} and checks the signatures of the known keys. Signatures by unknown keys are
     * ignored, as the format requires; a signature by a known key that does not verify is an error.
     *
     * @return the names of the keys whose signatures verified (at least one)
     * @throws IllegalArgumentException when the note is malformed, a known key's signature is bad, or no
     *                                  known key signed it
     */
    public static List<String> verify(String note, Collection<NoteVerifier> known) {
        SignedNote parsed = parse(note);
        byte[] text = parsed.text().getBytes(StandardCharsets.UTF_8);
        List<String> verified = new ArrayList<>();
        for (NoteSignature sig : parsed.signatures()) {
            for (NoteVerifier key : known) {
                if (key.name().equals(sig.keyName()) && MessageDigest.isEqual(key.keyId(), sig.keyId())) {
                    if (!key.verify(text, sig.signature())) {
                        throw new IllegalArgumentException("the signature of " + key.name() + " does not verify");
                    }
                    verified.add(key.name());
                }
            }
        }
        if (verified.isEmpty()) {
            throw new IllegalArgumentException("no signature by a known key");
        }
        return verified;
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end in a newline");
        }
    }
}
