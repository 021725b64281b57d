package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real, in-memory audit log for tests: leaf hashes, the reference Merkle tree and Ed25519-signed checkpoints. */
final class TestLog {

    final TenantId tenant;
    final String origin;
    final NoteSigner signer;
    private final List<byte[]> leaves;

    TestLog() {
        this(TenantId.random());
    }

    TestLog(TenantId tenant) {
        this.tenant = tenant;
        this.origin = "test.cloudwarden/audit/" + tenant;
        this.signer = NoteSigner.generate(origin);
        this.leaves = new ArrayList<>();
    }

    private TestLog(TestLog base, List<byte[]> leaves) {
        this.tenant = base.tenant;
        this.origin = base.origin;
        this.signer = base.signer;
        this.leaves = leaves;
    }

    /** Appends {@code n} entries. */
    TestLog append(int n) {
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHasher.SHA_256.leafHash(("entry " + leaves.size()).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    long size() {
        return leaves.size();
    }

    MerkleTree tree() {
        List<byte[]> snapshot = List.copyOf(leaves);
        return new MerkleTree(MerkleHasher.SHA_256, i -> snapshot.get((int) i));
    }

    /** The same log (same tenant, origin and key) cut back to its first {@code size} entries: a rollback. */
    TestLog truncatedTo(int size) {
        return new TestLog(this, new ArrayList<>(leaves.subList(0, size)));
    }

    /** The same log with entry {@code index} replaced: a rewrite, signed with the log's own key. */
    TestLog rewrittenAt(int index) {
        List<byte[]> copy = new ArrayList<>(leaves);
        copy.set(index, MerkleHasher.SHA_256.leafHash(("forged " + index).getBytes(StandardCharsets.UTF_8)));
        return new TestLog(this, copy);
    }

    /** The signed checkpoint of the current size. */
    LogCheckpoint checkpoint() {
        return checkpointAt(size());
    }

    LogCheckpoint checkpointAt(long size) {
        return checkpointAt(size, signer);
    }

    /** A checkpoint of this log's tree signed by {@code key} (which may be a forger's key of the same name). */
    LogCheckpoint checkpointAt(long size, NoteSigner key) {
        String text = new Checkpoint(origin, size, tree().rootHash(size)).text();
        return new LogCheckpoint(tenant, origin, size, SignedNote.sign(text, key));
    }
}
