package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.verify.VerificationProblem.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Verifies a bundle with the five checks of {@code docs/evidence/formats.md} ("What verification checks"), in one
 * pass over the entries (and the stored leaf hashes in lock-step) with O(log n) memory beyond the checkpoint and
 * anchor lists:
 * <ol>
 *   <li>every checkpoint and anchored checkpoint is signed by a key of {@code keys.txt} named after the origin,
 *       and names the log's origin and hash algorithm;</li>
 *   <li>entries parse, their indexes run from {@code firstIndex} without gaps, repeats or reordering, and their
 *       tenant is the log's;</li>
 *   <li>the tree recomputed from the entries ({@link CompactRange}, starting from the prefix) reproduces the root
 *       of every checkpoint in range; when it does not and the stored leaf hashes do, the entries whose hash
 *       differs from the stored one are named as modified, otherwise the first index after the last verified
 *       checkpoint is;</li>
 *   <li>checkpoints are consistent: all that are in range come from the one recomputed tree, two of the same size
 *       must have the same root, and one larger than the bundle is reported as not covered;</li>
 *   <li>anchored checkpoints are covered by the bundle and reproduced by the recomputed tree.</li>
 * </ol>
 * A sequence break (a missing, repeated or reordered index) shifts the position of every later entry in the tree,
 * so roots at sizes beyond it are not compared: the break is the finding. Entries after the last checkpoint are
 * not vouched for by a signature; the report's {@code verifiedSize} says how far the signatures reach. Instances
 * are stateless apart from the progress callback and may be reused.
 */
public final class LogVerifier {

    /** At most this many problems are listed in a report; the rest are counted. */
    public static final int MAX_PROBLEMS = 1000;

    /** The progress callback is called after every this many entries, and once at the end. */
    public static final int PROGRESS_INTERVAL = 1 << 16;

    private final LongConsumer progress;

    /** A verifier without progress reporting. */
    public LogVerifier() {
        this(entries -> {
        });
    }

    /** @param progress called with the number of entries checked so far, every {@link #PROGRESS_INTERVAL} entries */
    public LogVerifier(LongConsumer progress) {
        this.progress = progress;
    }

    /** Verifies the bundle directory or zip at {@code bundle}; an unreadable bundle gives a report with an UNREADABLE problem. */
    public VerificationReport verify(Path bundle) {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return verify(reader);
        } catch (IOException e) {
            return unreadable(e.getMessage());
        }
    }

    /** Verifies any bundle source, e.g. the ledger's rows. Does not close the source. */
    public VerificationReport verify(BundleSource source) {
        return new Run(source, progress).run();
    }

    /** The report for input that could not be read as a bundle. */
    static VerificationReport unreadable(String message) {
        return new VerificationReport(false, null, null, null, 0, 0, 0, 0, 0, 0, 0, null, List.of(), null,
                List.of(new VerificationProblem(Kind.UNREADABLE, null, message)), 0);
    }

    /** A tree size at which a root must be reproduced: a checkpoint's or an anchor's. */
    private record Target(long size, byte[] root, String label, boolean anchor) {
    }

    /** The state of one verification pass. */
    private static final class Run {
        private final BundleSource source;
        private final LongConsumer progress;
        private final LogHeader header;
        private final MerkleHasher hasher;
        private final ProblemList problems = new ProblemList(MAX_PROBLEMS);
        private final Set<String> keysUsed = new LinkedHashSet<>();
        private final List<Target> targets = new ArrayList<>();
        private int nextTarget;
        private int checkpointsVerified;
        private int anchorsVerified;
        private Long verifiedSize;
        private long entriesChecked;

        // check 2: the sequence of indexes
        private long expected;
        private long gapPosition = -1;
        private long gapFrom;
        private long gapTo;
        private boolean gapReordered;
        private Long breakAt;
        private boolean beyondSizeReported;

        // check 3: recomputed and stored trees
        private CompactRange recomputed;
        private CompactRange stored;
        private long lastExplained;
        private long lastAnchorVerified;
        private boolean treeBroken;
        private final List<Long> differing = new ArrayList<>();
        private long differingOmitted;

        Run(BundleSource source, LongConsumer progress) {
            this.source = source;
            this.progress = progress;
            this.header = source.header();
            this.hasher = header.hasher();
            this.expected = header.firstIndex();
            this.lastExplained = header.firstIndex();
            this.lastAnchorVerified = header.firstIndex();
        }

        VerificationReport run() {
            List<NoteVerifier> keys = keys();
            collectCheckpoints(keys);
            collectAnchors(keys);
            try {
                recomputed = CompactRange.of(hasher, header.firstIndex(), header.prefix());
            } catch (IllegalArgumentException e) {
                return unreadable("log.json: " + e.getMessage());
            }
            stored = source.hasStoredLeafHashes() ? CompactRange.of(hasher, header.firstIndex(), header.prefix()) : null;
            compareAt(header.firstIndex());
            try {
                streamEntries();
            } catch (IOException e) {
                problems.add(Kind.UNREADABLE, null, "reading the entries failed after " + entriesChecked + " entries: " + e.getMessage());
            }
            finishSequence();
            progress.accept(entriesChecked);
            return new VerificationReport(problems.isEmpty(), header.origin(), hasher.standardName(), header.tenant(),
                    header.firstIndex(), header.size(), entriesChecked, source.checkpoints().size(), checkpointsVerified,
                    source.anchors().size(), anchorsVerified, verifiedSize, List.copyOf(keysUsed), problems.firstBadIndex(),
                    problems.list(), problems.omitted());
        }

        private List<NoteVerifier> keys() {
            List<String> malformed = new ArrayList<>();
            List<NoteVerifier> keys = NoteChecks.parseKeys(source.keys(), malformed);
            malformed.forEach(m -> problems.add(Kind.MALFORMED, null, m));
            return keys;
        }

        /** Check 1 for checkpoints, then the part of check 4 that needs no tree: same sizes, sizes beyond the bundle. */
        private void collectCheckpoints(List<NoteVerifier> keys) {
            List<Target> valid = new ArrayList<>();
            List<String> notes = source.checkpoints();
            // Ed25519 verification dominates this phase (about a millisecond per checkpoint): spread it over the cores
            List<NoteChecks.CheckedCheckpoint> checked = IntStream.range(0, notes.size()).parallel()
                    .mapToObj(i -> NoteChecks.checkpoint(notes.get(i), header.origin(), hasher, keys)).toList();
            for (int i = 0; i < notes.size(); i++) {
                NoteChecks.CheckedCheckpoint c = checked.get(i);
                String label = "checkpoint " + (i + 1) + " of " + notes.size()
                        + (c.checkpoint() != null ? " (size " + c.checkpoint().size() + ")" : "");
                if (!c.ok()) {
                    problems.add(c.failure().kind(), null, label + ": " + c.failure().message());
                    continue;
                }
                c.keys().forEach(k -> keysUsed.add(k.encoded()));
                valid.add(new Target(c.checkpoint().size(), c.checkpoint().rootHash(), label, false));
            }
            valid.sort(Comparator.comparingLong(Target::size));
            boolean covers = false;
            for (int i = 0; i < valid.size(); i++) {
                Target t = valid.get(i);
                if (i > 0 && valid.get(i - 1).size() == t.size() && !MessageDigest.isEqual(valid.get(i - 1).root(), t.root())) {
                    problems.add(Kind.INCONSISTENT_CHECKPOINTS, null, valid.get(i - 1).label() + " and " + t.label()
                            + " are both signed for size " + t.size() + " but have different roots: the log showed two histories");
                }
                if (t.size() > header.size()) {
                    problems.add(Kind.CHECKPOINT_NOT_COVERED, header.size(), t.label() + " is signed, but the bundle ends at size "
                            + header.size() + ": the entries from " + header.size() + " to " + (t.size() - 1)
                            + " that the log signed are not in the bundle (truncated log or bundle)");
                } else if (t.size() >= header.firstIndex()) {
                    targets.add(t);
                    covers |= t.size() > header.firstIndex();
                }
            }
            if (header.size() > header.firstIndex() && !covers) {
                problems.add(Kind.NO_CHECKPOINT, header.firstIndex(), "no valid signed checkpoint covers any entry of the bundle ("
                        + header.firstIndex() + " to " + (header.size() - 1) + "): nothing vouches for them");
            }
        }

        /** Check 1 for anchored checkpoints, and the part of check 5 that needs no tree: anchors beyond the bundle. */
        private void collectAnchors(List<NoteVerifier> keys) {
            List<Anchored> anchors = source.anchors();
            for (int i = 0; i < anchors.size(); i++) {
                Anchored a = anchors.get(i);
                NoteChecks.CheckedCheckpoint c = NoteChecks.checkpoint(a.note(), header.origin(), hasher, keys);
                String label = "anchored checkpoint " + (i + 1) + " of " + anchors.size()
                        + (c.checkpoint() != null ? " (size " + c.checkpoint().size() + ")" : "")
                        + " from " + a.target() + " at " + a.anchoredAt();
                if (!c.ok()) {
                    problems.add(c.failure().kind(), null, label + ": " + c.failure().message());
                    continue;
                }
                c.keys().forEach(k -> keysUsed.add(k.encoded()));
                long size = c.checkpoint().size();
                if (size > header.size()) {
                    problems.add(Kind.ANCHOR_BEYOND_LOG, header.size(), label + " was anchored, but the bundle ends at size "
                            + header.size() + ": the log was rolled back (entries " + header.size() + " to " + (size - 1) + " are gone)");
                } else if (size >= header.firstIndex()) {
                    targets.add(new Target(size, c.checkpoint().rootHash(), label, true));
                }
            }
            targets.sort(Comparator.comparingLong(Target::size));
        }

        private void streamEntries() throws IOException {
            EntryFields fields = new EntryFields();
            MessageDigest digest = digest();
            byte[] leaf = new byte[MerkleHasher.HASH_BYTES];
            long position = header.firstIndex();
            try (BundleSource.EntryCursor cursor = source.entries()) {
                while (cursor.next()) {
                    digest.update((byte) 0x00);
                    digest.update(cursor.buffer(), cursor.offset(), cursor.length());
                    try {
                        digest.digest(leaf, 0, MerkleHasher.HASH_BYTES);
                    } catch (DigestException e) {
                        throw new IllegalStateException(e);
                    }
                    checkEntry(cursor, fields, position);
                    recomputed.append(leaf);
                    if (stored != null) {
                        byte[] storedLeaf = storedLeaf(cursor, position);
                        if (storedLeaf != null) {
                            stored.append(storedLeaf);
                            if (!MessageDigest.isEqual(leaf, storedLeaf)) {
                                if (differing.size() < MAX_PROBLEMS) {
                                    differing.add(position);
                                } else {
                                    differingOmitted++;
                                }
                            }
                        }
                    }
                    position++;
                    entriesChecked++;
                    compareAt(position);
                    if (entriesChecked % PROGRESS_INTERVAL == 0) {
                        progress.accept(entriesChecked);
                    }
                }
                if (stored != null && cursor.storedLeafHashesRemain()) {
                    problems.add(Kind.MALFORMED, null, "leaf-hashes.txt has more lines than entries.jsonl");
                }
            }
        }

        /** Check 2 for one entry. */
        private void checkEntry(BundleSource.EntryCursor cursor, EntryFields fields, long position) {
            if (!cursor.terminated()) {
                problems.add(Kind.UNPARSABLE_ENTRY, position, "the entry at position " + position
                        + " does not end in a newline: entries.jsonl is truncated");
            }
            String error = fields.parse(cursor.buffer(), cursor.offset(), cursor.length());
            if (error != null) {
                if (cursor.terminated()) {
                    problems.add(Kind.UNPARSABLE_ENTRY, position, "the entry at position " + position + " does not parse: " + error);
                }
                expected++;
                return;
            }
            if (!fields.tenant.equals(header.tenant())) {
                problems.add(Kind.WRONG_TENANT, position, "entry " + fields.index + " belongs to tenant " + fields.tenant
                        + ", not to the log's tenant " + header.tenant());
            }
            if (fields.index >= header.size() && !beyondSizeReported) {
                beyondSizeReported = true;
                problems.add(Kind.SIZE_MISMATCH, header.size(), "entries.jsonl goes on past the size " + header.size()
                        + " that log.json declares (position " + position + " holds index " + fields.index + ")");
            }
            sequence(fields.index, position);
        }

        /** Check 2: indexes run firstIndex, firstIndex+1, ... A gap stays open until the end: if one of its indexes shows up later, it was a reordering. */
        private void sequence(long index, long position) {
            if (index == expected) {
                expected++;
                return;
            }
            breakAt = breakAt == null ? position : breakAt;
            if (index > expected) {
                if (gapPosition < 0) {
                    gapPosition = position;
                    gapFrom = expected;
                    gapTo = index;
                } else {
                    problems.add(Kind.MISSING_ENTRY, expected, missing(expected, index) + " (position " + position
                            + " holds index " + index + ")");
                }
                expected = index + 1;
            } else if (gapPosition >= 0 && !gapReordered && index >= gapFrom && index < gapTo) {
                gapReordered = true;
            } else {
                problems.add(Kind.OUT_OF_ORDER, position, "position " + position + " holds index " + index + " where index "
                        + expected + " was expected: an entry was inserted, repeated or moved");
            }
        }

        private void finishSequence() {
            if (gapPosition >= 0) {
                if (gapReordered) {
                    problems.add(Kind.OUT_OF_ORDER, gapPosition, "position " + gapPosition + " holds index " + gapTo
                            + " where index " + gapFrom + " was expected, and index " + gapFrom + " comes later: entries were reordered");
                } else {
                    problems.add(Kind.MISSING_ENTRY, gapFrom, missing(gapFrom, gapTo) + " (position " + gapPosition
                            + " holds index " + gapTo + ")");
                }
            }
            if (expected < header.size()) {
                problems.add(Kind.MISSING_ENTRY, expected, "entries.jsonl ends before index " + expected + " but log.json declares size "
                        + header.size() + ": " + missing(expected, header.size()));
            }
        }

        private static String missing(long from, long to) {
            return to - from == 1 ? "entry " + from + " is missing" : "entries " + from + " to " + (to - 1) + " are missing";
        }

        /** The stored leaf hash of this entry, or null (and stored-hash tracking off) when leaf-hashes.txt is short or malformed. */
        private byte[] storedLeaf(BundleSource.EntryCursor cursor, long position) {
            byte[] storedLeaf = cursor.storedLeafHash();
            if (storedLeaf == null) {
                problems.add(Kind.MALFORMED, null, "leaf-hashes.txt has fewer lines than entries.jsonl: none for position " + position);
            } else if (storedLeaf.length != MerkleHasher.HASH_BYTES) {
                problems.add(Kind.MALFORMED, null, "leaf-hashes.txt line " + (position - header.firstIndex() + 1)
                        + " is not a base64 " + MerkleHasher.HASH_BYTES + "-byte hash");
            } else {
                return storedLeaf;
            }
            stored = null;
            return null;
        }

        /** Checks 3, 4 and 5 at tree size {@code size}: every checkpoint and anchor of that size. */
        private void compareAt(long size) {
            if (nextTarget >= targets.size() || targets.get(nextTarget).size() != size) {
                return;
            }
            List<Target> here = new ArrayList<>();
            while (nextTarget < targets.size() && targets.get(nextTarget).size() == size) {
                here.add(targets.get(nextTarget++));
            }
            if (breakAt != null && size > breakAt) {
                return;
            }
            byte[] root = recomputed.root();
            List<Target> checkpoints = here.stream().filter(t -> !t.anchor()).toList();
            if (!checkpoints.isEmpty()) {
                compareCheckpoints(size, root, checkpoints);
            }
            for (Target anchor : here) {
                if (!anchor.anchor()) {
                    continue;
                }
                if (MessageDigest.isEqual(root, anchor.root())) {
                    anchorsVerified++;
                    lastAnchorVerified = size;
                } else {
                    problems.add(Kind.ANCHOR_MISMATCH, lastAnchorVerified, anchor.label() + " has root " + b64(anchor.root())
                            + " but the entries give " + b64(root) + ": the log was rewritten after index " + lastAnchorVerified
                            + " (the first entry not confirmed by an earlier anchor)");
                }
            }
        }

        private void compareCheckpoints(long size, byte[] root, List<Target> checkpoints) {
            long matched = checkpoints.stream().filter(t -> MessageDigest.isEqual(root, t.root())).count();
            if (matched > 0) {
                checkpointsVerified += (int) matched;
                verifiedSize = size;
                lastExplained = size;
                // stored hashes that differ from entries the signatures vouch for: leaf-hashes.txt is wrong, not the log
                differing.clear();
                differingOmitted = 0;
                return;
            }
            Target first = checkpoints.get(0);
            byte[] storedRoot = stored != null ? stored.root() : null;
            if (storedRoot != null && checkpoints.stream().anyMatch(t -> MessageDigest.isEqual(storedRoot, t.root()))) {
                for (long index : differing) {
                    problems.add(Kind.MODIFIED_ENTRY, index, "entry " + index + " was modified: its hash differs from the leaf hash"
                            + " the ledger stored, and the stored hashes reproduce the signed root of " + first.label());
                }
                if (differingOmitted > 0) {
                    problems.add(Kind.MODIFIED_ENTRY, null, differingOmitted + " more entries before size " + size + " were modified");
                }
                differing.clear();
                differingOmitted = 0;
                lastExplained = size;
                return;
            }
            if (!treeBroken) {
                treeBroken = true;
                problems.add(Kind.ROOT_MISMATCH, lastExplained, first.label() + " has root " + b64(first.root())
                        + " but the entries give " + b64(root) + ": an entry from index " + lastExplained
                        + " (the first after the last verified checkpoint) to " + (size - 1) + " was modified"
                        + (lastExplained == header.firstIndex() && header.firstIndex() > 0 ? ", or the prefix in log.json is wrong" : "")
                        + (stored == null ? "" : "; the stored leaf hashes do not reproduce the root either"));
            }
        }

        private MessageDigest digest() {
            try {
                return MessageDigest.getInstance(hasher.standardName());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String b64(byte[] hash) {
            return Base64.getEncoder().encodeToString(hash);
        }
    }
}
