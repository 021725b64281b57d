package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.evidence.verify.VerificationProblem.Kind;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Signature and checkpoint checks shared by bundles and packs. A signature line is matched to a key of
 * {@code keys.txt} by name and key id (the id is the second field of the key's text form); a matched signature
 * must verify, and at least one must match. This tells a bad signature (tampered text or signature) apart from a
 * note signed by a key the bundle does not publish.
 */
final class NoteChecks {

    private NoteChecks() {
    }

    /** A failed check: the kind and why. */
    record Failure(Kind kind, String message) {
    }

    /** The outcome of checking a note: the verified text and keys, or a failure. */
    record Checked(String text, List<NoteVerifier> keys, Failure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** A checked checkpoint: the checkpoint and the keys that signed it, or a failure. */
    record CheckedCheckpoint(Checkpoint checkpoint, List<NoteVerifier> keys, Failure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** Parses verifier keys, skipping blank lines; malformed lines are returned as messages in {@code malformed}. */
    static List<NoteVerifier> parseKeys(List<String> lines, List<String> malformed) {
        List<NoteVerifier> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                keys.add(NoteVerifier.parse(line));
            } catch (IllegalArgumentException e) {
                malformed.add("keys.txt line " + (i + 1) + " is not a verifier key: " + e.getMessage());
            }
        }
        return keys;
    }

    /** Checks that {@code note} is signed by a key of {@code keys} named {@code keyName}. */
    static Checked verify(String note, String keyName, List<NoteVerifier> keys) {
        SignedNote parsed;
        try {
            parsed = SignedNote.parse(note);
        } catch (IllegalArgumentException e) {
            return new Checked(null, List.of(), new Failure(Kind.MALFORMED, "not a signed note: " + e.getMessage()));
        }
        Set<NoteVerifier> verified = new LinkedHashSet<>();
        List<String> signers = new ArrayList<>();
        for (SignedNote.NoteSignature sig : parsed.signatures()) {
            String id = HexFormat.of().formatHex(sig.keyId());
            signers.add(sig.keyName() + "+" + id);
            for (NoteVerifier key : keys) {
                if (key.name().equals(keyName) && key.name().equals(sig.keyName()) && keyId(key).equalsIgnoreCase(id)) {
                    try {
                        SignedNote.verify(note, List.of(key));
                    } catch (IllegalArgumentException e) {
                        return new Checked(parsed.text(), List.of(), new Failure(Kind.BAD_SIGNATURE,
                                "the signature of key " + keyName + "+" + id + " does not verify"));
                    }
                    verified.add(key);
                }
            }
        }
        if (verified.isEmpty()) {
            return new Checked(parsed.text(), List.of(), new Failure(Kind.UNKNOWN_KEY, "signed by " + String.join(", ", signers)
                    + ", but keys.txt has no key " + keyName + " with that id"));
        }
        return new Checked(parsed.text(), List.copyOf(verified), null);
    }

    /** Checks a checkpoint note: signature by the origin's key, origin and hash algorithm. */
    static CheckedCheckpoint checkpoint(String note, String origin, MerkleHasher hasher, List<NoteVerifier> keys) {
        SignedNote parsed;
        Checkpoint checkpoint;
        try {
            parsed = SignedNote.parse(note);
            checkpoint = Checkpoint.parse(parsed.text());
        } catch (IllegalArgumentException e) {
            return new CheckedCheckpoint(null, List.of(), new Failure(Kind.MALFORMED, "not a signed checkpoint: " + e.getMessage()));
        }
        if (!checkpoint.origin().equals(origin)) {
            return new CheckedCheckpoint(checkpoint, List.of(), new Failure(Kind.WRONG_ORIGIN,
                    "origin is '" + checkpoint.origin() + "', not the log's '" + origin + "'"));
        }
        if (checkpoint.rootHash().length != MerkleHasher.HASH_BYTES) {
            return new CheckedCheckpoint(checkpoint, List.of(), new Failure(Kind.MALFORMED,
                    "the root hash is not " + MerkleHasher.HASH_BYTES + " bytes"));
        }
        if (!checkpoint.hashAlgorithm().equalsIgnoreCase(hasher.standardName())) {
            return new CheckedCheckpoint(checkpoint, List.of(), new Failure(Kind.WRONG_HASH_ALGORITHM,
                    "it names hash algorithm " + checkpoint.hashAlgorithm() + " but the log uses " + hasher.standardName()
                            + (hasher == MerkleHasher.SHA_256 ? "" : " (a checkpoint without a hash-algorithm line means SHA-256)")));
        }
        Checked signature = verify(note, origin, keys);
        return new CheckedCheckpoint(checkpoint, signature.keys(), signature.failure());
    }

    /** The hex key id of a verifier key: the second '+'-separated field of its text form (names have no '+'). */
    static String keyId(NoteVerifier key) {
        String encoded = key.encoded();
        int first = encoded.indexOf('+');
        return encoded.substring(first + 1, encoded.indexOf('+', first + 1));
    }
}
