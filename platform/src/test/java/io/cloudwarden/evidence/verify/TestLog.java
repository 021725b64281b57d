package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A small audit log for tests: canonical entries, their leaf hashes, reference roots (MerkleTree), signed
 * checkpoints, prefixes, and bundles written with {@link BundleWriter}; plus helpers that tamper with written files.
 */
public final class TestLog {

    public static final String ORIGIN_PREFIX = "cloudwarden.test/audit";

    public final MerkleHasher hasher;
    public final String tenant;
    public final String origin;
    public final NoteSigner signer;
    public final List<String> entries = new ArrayList<>();
    public final List<byte[]> leaves = new ArrayList<>();

    private TestLog(MerkleHasher hasher, String tenant, NoteSigner signer) {
        this.hasher = hasher;
        this.tenant = tenant;
        this.origin = ORIGIN_PREFIX + "/" + tenant;
        this.signer = signer;
    }

    /** A log of {@code size} entries. */
    public static TestLog create(MerkleHasher hasher, int size) {
        return create(hasher, size, Map.of());
    }

    /** A log of {@code size} entries; entries named in {@code fileHashes} record {@code details.sha256}. */
    public static TestLog create(MerkleHasher hasher, int size, Map<Integer, String> fileHashes) {
        String tenant = UUID.nameUUIDFromBytes(("tenant-" + hasher).getBytes(StandardCharsets.UTF_8)).toString();
        TestLog log = new TestLog(hasher, tenant, NoteSigner.generate(ORIGIN_PREFIX + "/" + tenant));
        for (int i = 0; i < size; i++) {
            log.add(log.entry(i, "v1", fileHashes.get(i)));
        }
        return log;
    }

    /**
     * The same tenant and signing key, with the same entries below {@code from} and different ones from there on:
     * the log as someone who holds the key would rewrite it.
     */
    public TestLog rewrittenFrom(int from) {
        TestLog other = new TestLog(hasher, tenant, signer);
        for (int i = 0; i < entries.size(); i++) {
            other.add(i < from ? entries.get(i) : entry(i, "v2", null));
        }
        return other;
    }

    private void add(String entry) {
        entries.add(entry);
        leaves.add(hasher.leafHash(entry.getBytes(StandardCharsets.UTF_8)));
    }

    /** A canonical (RFC 8785) entry: members in code-point order, no spaces. */
    public String entry(long index, String version, String sha256) {
        String details = "{\"after\":\"" + version + "\",\"change\":\"tags\",\"resource\":\"arn:aws:ec2:eu-west-1:123456789012:instance/i-"
                + String.format("%08x", index) + "\"" + (sha256 != null ? ",\"sha256\":\"" + sha256 + "\"" : "") + "}";
        return "{\"action\":\"inventory.resource.changed\",\"actor\":\"system\",\"details\":" + details + ",\"index\":" + index
                + ",\"outcome\":\"success\",\"target\":\"resource:" + index + "\",\"tenant\":\"" + tenant
                + "\",\"timestamp\":\"2026-11-22T10:00:00.000Z\"}";
    }

    /** MTH of the first {@code size} entries, by the reference implementation. */
    public byte[] root(long size) {
        return new MerkleTree(hasher, i -> leaves.get((int) i)).rootHash(size);
    }

    /** The checkpoint text of the first {@code size} entries, with the hash-algorithm line for SHA3-256. */
    public Checkpoint checkpointOf(long size) {
        return new Checkpoint(origin, size, root(size), hasher == MerkleHasher.SHA_256 ? List.of()
                : List.of(Checkpoint.HASH_ALGORITHM_EXTENSION + hasher.standardName()));
    }

    /** The signed checkpoint note of the first {@code size} entries. */
    public String checkpoint(long size) {
        return SignedNote.sign(checkpointOf(size).text(), signer);
    }

    /** Signed checkpoints every {@code every} entries from above {@code from} to {@code to}, and at {@code to}. */
    public List<String> checkpoints(long from, long to, int every) {
        List<String> notes = new ArrayList<>();
        for (long s = (from / every + 1) * every; s < to; s += every) {
            notes.add(checkpoint(s));
        }
        notes.add(checkpoint(to));
        return notes;
    }

    /** The compact range of the first {@code size} entries, from reference subtree roots. */
    public List<byte[]> prefix(long size) {
        List<byte[]> prefix = new ArrayList<>();
        long start = 0;
        for (int bit = 62; bit >= 0; bit--) {
            long width = 1L << bit;
            if ((size & width) != 0) {
                long offset = start;
                prefix.add(new MerkleTree(hasher, i -> leaves.get((int) (offset + i))).rootHash(width));
                start += width;
            }
        }
        return prefix;
    }

    /** What to write. Defaults: every entry, stored leaf hashes, checkpoints every 10 entries and at the end, this log's key. */
    public final class Spec {
        public long firstIndex;
        public long size = entries.size();
        public boolean leafHashes = true;
        public BundleWriter.Format format = BundleWriter.Format.DIRECTORY;
        public List<String> checkpoints;
        public List<String> keys = List.of(signer.verifier().encoded());
        public List<Anchored> anchors;

        public Spec firstIndex(long value) {
            firstIndex = value;
            return this;
        }

        public Spec size(long value) {
            size = value;
            return this;
        }

        public Spec noLeafHashes() {
            leafHashes = false;
            return this;
        }

        public Spec zip() {
            format = BundleWriter.Format.ZIP;
            return this;
        }

        public Spec checkpoints(List<String> notes) {
            checkpoints = notes;
            return this;
        }

        public Spec keys(List<String> verifierKeys) {
            keys = verifierKeys;
            return this;
        }

        public Spec anchors(List<Anchored> anchored) {
            anchors = anchored;
            return this;
        }

        /** Writes the bundle under {@code dir} and returns its path. */
        public Path write(Path dir) throws IOException {
            Path target = dir.resolve(format == BundleWriter.Format.ZIP ? "bundle.zip" : "bundle");
            try (BundleWriter w = BundleWriter.open(target, format, origin, hasher, tenant, firstIndex, prefix(firstIndex))) {
                for (long i = firstIndex; i < size; i++) {
                    w.entry(entries.get((int) i).getBytes(StandardCharsets.UTF_8), leafHashes ? leaves.get((int) i) : null);
                }
                w.checkpoints(checkpoints != null ? checkpoints : TestLog.this.checkpoints(firstIndex, size, 10));
                w.keys(keys);
                if (anchors != null) {
                    w.anchors(anchors);
                }
            }
            return target;
        }
    }

    /** A bundle specification with the defaults. */
    public Spec bundle() {
        return new Spec();
    }

    /** Rewrites the lines of a text file of a bundle directory. */
    public static void editLines(Path bundle, String file, UnaryOperator<List<String>> edit) throws IOException {
        Path path = bundle.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        edit.apply(lines).forEach(l -> out.append(l).append('\n'));
        Files.writeString(path, out.toString(), StandardCharsets.UTF_8);
    }

    /** Applies the same edit to entries.jsonl and leaf-hashes.txt, as a change in the ledger's rows would. */
    public static void editRows(Path bundle, UnaryOperator<List<String>> edit) throws IOException {
        editLines(bundle, BundleReader.ENTRIES, edit);
        editLines(bundle, BundleReader.LEAF_HASHES, edit);
    }

    /** Replaces {@code from} by {@code to} in line {@code index} (0-based line number). */
    public static UnaryOperator<List<String>> replaceIn(int line, String from, String to) {
        return lines -> {
            String before = lines.get(line);
            if (!before.contains(from)) {
                throw new IllegalArgumentException("line " + line + " has no '" + from + "'");
            }
            lines.set(line, before.replace(from, to));
            return lines;
        };
    }
}
