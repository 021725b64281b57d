package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.merkle.InvalidProofException;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transparency-log witness (c2sp.org/tlog-witness): it knows a set of logs by origin and their verifier
 * keys, remembers the latest checkpoint it cosigned for each, and cosigns a new checkpoint (c2sp.org/
 * tlog-cosignature, cosignature/v1) only when the log's signature verifies and a consistency proof shows the
 * new tree extends the remembered one. It therefore never cosigns a rollback or a fork. The latest
 * checkpoints live in memory, or in a state directory (one durable file per origin) so that a restarted
 * witness keeps refusing what it refused before. Checking and recording are atomic (one request at a time).
 */
public final class Witness {

    private final NoteSigner key;
    private final CosignerKey cosignerKey;
    private final Map<String, List<NoteVerifier>> logs = new ConcurrentHashMap<>();
    private final Map<String, String> latest = new HashMap<>();
    private final Path stateDir;
    private final Clock clock;

    /**
     * @param key      the witness's Ed25519 key; its name is the witness's name
     * @param logs     log origins and the keys that sign their checkpoints
     * @param stateDir where the latest checkpoint of each origin is kept, or {@code null} for memory only
     * @param clock    the time cosignatures carry
     */
    public Witness(NoteSigner key, Map<String, ? extends Collection<NoteVerifier>> logs, Path stateDir, Clock clock) {
        this.key = key;
        this.cosignerKey = CosignerKey.of(key);
        this.stateDir = stateDir;
        this.clock = clock;
        logs.forEach(this::addLog);
    }

    /** A witness that remembers checkpoints in memory only. */
    public static Witness inMemory(NoteSigner key, Map<String, ? extends Collection<NoteVerifier>> logs) {
        return new Witness(key, logs, null, Clock.systemUTC());
    }

    /** A witness that keeps its latest checkpoints in {@code stateDir}. */
    public static Witness persistent(NoteSigner key, Map<String, ? extends Collection<NoteVerifier>> logs, Path stateDir) {
        return new Witness(key, logs, stateDir, Clock.systemUTC());
    }

    /** Starts witnessing the log {@code origin}, whose checkpoints {@code keys} sign. */
    public void addLog(String origin, Collection<NoteVerifier> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a log needs at least one verifier key");
        }
        logs.put(origin, List.copyOf(keys));
    }

    /** The witness's name, the key name of its cosignatures. */
    public String name() {
        return key.name();
    }

    /** The key clients verify this witness's cosignatures with. */
    public CosignerKey cosignerKey() {
        return cosignerKey;
    }

    /** The latest checkpoint cosigned for {@code origin} (the signed note as the log submitted it). */
    public synchronized Optional<String> latest(String origin) {
        String note = latest.get(origin);
        if (note == null && stateDir != null) {
            Path file = stateFile(origin);
            try {
                if (Files.exists(file)) {
                    note = Files.readString(file, StandardCharsets.UTF_8);
                    latest.put(origin, note);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the witness state " + file, e);
            }
        }
        return Optional.ofNullable(note);
    }

    /**
     * Checks and cosigns a checkpoint as c2sp.org/tlog-witness {@code add-checkpoint} describes.
     *
     * @return the cosignature line, ending in a newline
     * @throws WitnessException with the status to answer when the checkpoint is refused
     */
    public synchronized String addCheckpoint(AddCheckpointRequest request) throws WitnessException {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(request.note());
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            throw new WitnessException(400, "malformed checkpoint: " + e.getMessage());
        }
        List<NoteVerifier> keys = logs.get(checkpoint.origin());
        if (keys == null) {
            throw new WitnessException(404, "unknown log " + checkpoint.origin());
        }
        try {
            SignedNote.verify(request.note(), keys);
        } catch (IllegalArgumentException e) {
            throw new WitnessException(403, "the checkpoint has no valid signature by the log: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            throw new WitnessException(400, "old size " + request.oldSize() + " is larger than the checkpoint size " + checkpoint.size());
        }
        MerkleHasher hasher;
        try {
            hasher = MerkleHasher.forName(checkpoint.hashAlgorithm());
        } catch (IllegalArgumentException e) {
            throw new WitnessException(400, e.getMessage());
        }
        Optional<Checkpoint> previous = latest(checkpoint.origin()).map(n -> Checkpoint.parse(SignedNote.parse(n).text()));
        long known = previous.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != known) {
            throw WitnessException.conflict(known, "the latest cosigned checkpoint of " + checkpoint.origin() + " has size " + known);
        }
        if (previous.isEmpty() || known == 0) {
            if (!request.proof().isEmpty()) {
                throw new WitnessException(422, "a consistency proof from size 0 must be empty");
            }
        } else if (known == checkpoint.size()) {
            if (!MessageDigest.isEqual(previous.get().rootHash(), checkpoint.rootHash())) {
                throw new WitnessException(409, "size " + known + " was cosigned with another root hash");
            }
            if (!request.proof().isEmpty()) {
                throw new WitnessException(422, "equal sizes need an empty consistency proof");
            }
        } else {
            try {
                new MerkleProofs(hasher).verifyConsistency(known, checkpoint.size(), request.proof(),
                        previous.get().rootHash(), checkpoint.rootHash());
            } catch (InvalidProofException e) {
                throw new WitnessException(422, "the consistency proof from size " + known + " does not verify: " + e.getMessage());
            }
        }
        record(checkpoint.origin(), request.note());
        return CosignerKey.cosign(key, note.text(), clock.instant());
    }

    private void record(String origin, String note) throws WitnessException {
        if (stateDir != null) {
            try {
                AnchorFiles.writeAtomically(stateFile(origin), note.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new WitnessException(500, "could not persist the checkpoint");
            }
        }
        latest.put(origin, note);
    }

    private Path stateFile(String origin) {
        return stateDir.resolve(AnchorFiles.safeName(origin) + ".note");
    }
}
