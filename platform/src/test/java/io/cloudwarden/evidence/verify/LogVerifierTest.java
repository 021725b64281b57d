package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.evidence.verify.VerificationProblem.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every check of formats.md, "What verification checks", passing on good bundles and failing on tampered ones. */
class LogVerifierTest {

    static final int K = 37;

    @TempDir
    Path dir;

    final TestLog log = TestLog.create(MerkleHasher.SHA_256, 100);

    static Stream<Arguments> validBundles() {
        return Stream.of(MerkleHasher.values()).flatMap(h -> Stream.of(BundleWriter.Format.values())
                .flatMap(f -> Stream.of(Arguments.of(h, f, 0L), Arguments.of(h, f, 37L), Arguments.of(h, f, 64L))));
    }

    @ParameterizedTest(name = "{0} {1} firstIndex {2}")
    @MethodSource("validBundles")
    void aValidBundleVerifies(MerkleHasher hasher, BundleWriter.Format format, long firstIndex) throws IOException {
        TestLog log = TestLog.create(hasher, 100);
        TestLog.Spec spec = log.bundle().firstIndex(firstIndex);
        spec.format = format;
        VerificationReport report = new LogVerifier().verify(spec.write(dir));
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.origin()).isEqualTo(log.origin);
        assertThat(report.hashAlgorithm()).isEqualTo(hasher.standardName());
        assertThat(report.firstIndex()).isEqualTo(firstIndex);
        assertThat(report.size()).isEqualTo(100);
        assertThat(report.entriesChecked()).isEqualTo(100 - firstIndex);
        assertThat(report.checkpointsVerified()).isEqualTo(report.checkpoints()).isPositive();
        assertThat(report.verifiedSize()).isEqualTo(100);
        assertThat(report.firstBadIndex()).isNull();
        assertThat(report.keys()).containsExactly(log.signer.verifier().encoded());
    }

    @Test
    void checkpointsBeforeTheFirstIndexAreOnlySignatureChecked() throws IOException {
        VerificationReport report = verify(log.bundle().firstIndex(K).checkpoints(log.checkpoints(0, 100, 10)));
        assertThat(report.ok()).isTrue();
        assertThat(report.checkpoints()).isEqualTo(10);
        assertThat(report.checkpointsVerified()).isEqualTo(7);
    }

    @Test
    void entriesAfterTheLastCheckpointVerifyButAreNotVouchedFor() throws IOException {
        VerificationReport report = verify(log.bundle().checkpoints(List.of(log.checkpoint(50))));
        assertThat(report.ok()).isTrue();
        assertThat(report.verifiedSize()).isEqualTo(50);
    }

    @Test
    void theSameChecksRunOverAnInMemorySource() throws IOException {
        List<byte[]> rows = new ArrayList<>();
        log.entries.forEach(e -> rows.add(e.getBytes(StandardCharsets.UTF_8)));
        VerificationReport ok = new LogVerifier().verify(new ListSource(log, rows, log.leaves));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.checkpointsVerified()).isEqualTo(10);

        rows.set(K, log.entry(K, "tampered", null).getBytes(StandardCharsets.UTF_8));
        VerificationReport bad = new LogVerifier().verify(new ListSource(log, rows, log.leaves));
        assertThat(bad.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.MODIFIED_ENTRY, (long) K));
    }

    @Test
    void progressIsReported() throws IOException {
        List<Long> seen = new ArrayList<>();
        new LogVerifier(seen::add).verify(log.bundle().write(dir));
        assertThat(seen).last().isEqualTo(100L);
    }

    // check 3: modification

    @Test
    void aModifiedEntryIsNamedExactlyWhenStoredLeafHashesArePresent() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editLines(bundle, BundleReader.ENTRIES, TestLog.replaceIn(K, "\"actor\":\"system\"", "\"actor\":\"user:mallory\""));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.MODIFIED_ENTRY, (long) K));
        assertThat(report.firstBadIndex()).isEqualTo(K);
        assertThat(report.checkpointsVerified()).isEqualTo(3);
    }

    @Test
    void aModifiedEntryInABundleWithAPrefixIsNamedToo() throws IOException {
        Path bundle = log.bundle().firstIndex(20).write(dir);
        TestLog.editLines(bundle, BundleReader.ENTRIES, TestLog.replaceIn(K - 20, "success", "failure"));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.firstBadIndex()).isEqualTo(K);
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.MODIFIED_ENTRY);
    }

    @Test
    void withoutStoredLeafHashesTheFirstIndexAfterTheLastVerifiedCheckpointIsNamed() throws IOException {
        Path bundle = log.bundle().noLeafHashes().write(dir);
        TestLog.editLines(bundle, BundleReader.ENTRIES, TestLog.replaceIn(K, "success", "failure"));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.ROOT_MISMATCH, 30L));
        assertThat(report.firstBadIndex()).isEqualTo(30);
    }

    @Test
    void whenTheStoredHashesWereChangedTooTheFirstUnverifiedIndexIsNamed() throws IOException {
        Path bundle = log.bundle().write(dir);
        String forged = Base64.getEncoder().encodeToString(log.hasher.leafHash(
                log.entries.get(K).replace("success", "failure").getBytes(StandardCharsets.UTF_8)));
        TestLog.editLines(bundle, BundleReader.ENTRIES, TestLog.replaceIn(K, "success", "failure"));
        TestLog.editLines(bundle, BundleReader.LEAF_HASHES, lines -> {
            lines.set(K, forged);
            return lines;
        });
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.ROOT_MISMATCH, 30L));
    }

    @Test
    void aWrongPrefixFailsAtTheFirstIndex() throws IOException {
        Path bundle = log.bundle().firstIndex(K).write(dir);
        Path logJson = bundle.resolve(BundleReader.LOG);
        String prefix0 = Base64.getEncoder().encodeToString(log.prefix(K).get(0));
        Files.writeString(logJson, Files.readString(logJson).replace(prefix0, Base64.getEncoder().encodeToString(new byte[32])));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.ROOT_MISMATCH, (long) K));
        assertThat(report.problems().get(0).message()).contains("prefix");
    }

    // check 2: sequence and tenant

    @Test
    void aDeletedEntryIsNamed() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editRows(bundle, lines -> {
            lines.remove(K);
            return lines;
        });
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.MISSING_ENTRY, (long) K));
        assertThat(report.firstBadIndex()).isEqualTo(K);
    }

    @Test
    void entriesMissingAtTheEndAreNamed() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editRows(bundle, lines -> lines.subList(0, 95));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.MISSING_ENTRY, 95L));
    }

    @Test
    void anInsertedDuplicateIsNamedAtItsPosition() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editRows(bundle, lines -> {
            lines.add(K, lines.get(K - 1));
            return lines;
        });
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.OUT_OF_ORDER, (long) K));
    }

    @Test
    void swappedEntriesAreNamedAtTheFirstSwappedPosition() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editRows(bundle, lines -> {
            Collections.swap(lines, K, K + 1);
            return lines;
        });
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.OUT_OF_ORDER, (long) K));
    }

    @Test
    void anEntryMovedFarIsAReorderingNotADeletion() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editRows(bundle, lines -> {
            lines.add(80, lines.remove(K));
            return lines;
        });
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.firstBadIndex()).isEqualTo(K);
        assertThat(report.problems()).extracting(VerificationProblem::kind).contains(Kind.OUT_OF_ORDER).doesNotContain(Kind.MISSING_ENTRY);
    }

    @Test
    void anEntryOfAnotherTenantIsNamed() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editLines(bundle, BundleReader.ENTRIES, TestLog.replaceIn(K, log.tenant, "00000000-0000-0000-0000-000000000000"));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .contains(tuple(Kind.WRONG_TENANT, (long) K));
        assertThat(report.firstBadIndex()).isEqualTo(K);
    }

    @Test
    void aTruncatedLastLineIsNamed() throws IOException {
        Path bundle = log.bundle().write(dir);
        Path entries = bundle.resolve(BundleReader.ENTRIES);
        byte[] bytes = Files.readAllBytes(entries);
        Files.write(entries, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .contains(tuple(Kind.UNPARSABLE_ENTRY, 99L));
        assertThat(report.firstBadIndex()).isEqualTo(99);
    }

    @Test
    void aNonJsonLineIsNamed() throws IOException {
        Path bundle = log.bundle().write(dir);
        TestLog.editLines(bundle, BundleReader.ENTRIES, lines -> {
            lines.set(K, "this is not JSON");
            return lines;
        });
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactlyInAnyOrder(tuple(Kind.UNPARSABLE_ENTRY, (long) K), tuple(Kind.MODIFIED_ENTRY, (long) K));
    }

    // check 1: signatures, origin, hash algorithm

    @Test
    void aTamperedCheckpointFailsItsSignature() throws IOException {
        List<String> checkpoints = new ArrayList<>(log.checkpoints(0, 100, 10));
        String forged = checkpoints.get(4).replace(Base64.getEncoder().encodeToString(log.root(50)),
                Base64.getEncoder().encodeToString(log.rewrittenFrom(40).root(50)));
        checkpoints.set(4, forged);
        VerificationReport report = verify(log.bundle().checkpoints(checkpoints));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.BAD_SIGNATURE);
        assertThat(report.problems().get(0).message()).contains("checkpoint 5 of 10");
        assertThat(report.checkpointsVerified()).isEqualTo(9);
    }

    @Test
    void aCheckpointSignedByAnUnknownKeyFails() throws IOException {
        NoteSigner impostor = NoteSigner.generate(log.origin);
        List<String> checkpoints = new ArrayList<>(log.checkpoints(0, 100, 10));
        checkpoints.set(9, SignedNote.sign(log.checkpointOf(100).text(), impostor));
        VerificationReport report = verify(log.bundle().checkpoints(checkpoints));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.UNKNOWN_KEY);
    }

    @Test
    void aCheckpointOfAnotherLogFails() throws IOException {
        NoteSigner other = NoteSigner.generate(TestLog.ORIGIN_PREFIX + "/someone-else");
        List<String> checkpoints = new ArrayList<>(log.checkpoints(0, 100, 10));
        checkpoints.add(SignedNote.sign(new Checkpoint(other.name(), 100, log.root(100)).text(), other));
        VerificationReport report = verify(log.bundle().checkpoints(checkpoints)
                .keys(List.of(log.signer.verifier().encoded(), other.verifier().encoded())));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.WRONG_ORIGIN);
    }

    @Test
    void aSha3CheckpointWithoutTheExtensionLineFails() throws IOException {
        TestLog sha3 = TestLog.create(MerkleHasher.SHA3_256, 100);
        List<String> checkpoints = new ArrayList<>(sha3.checkpoints(0, 100, 10));
        checkpoints.set(9, SignedNote.sign(new Checkpoint(sha3.origin, 100, sha3.root(100)).text(), sha3.signer));
        VerificationReport report = new LogVerifier().verify(sha3.bundle().checkpoints(checkpoints).write(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.WRONG_HASH_ALGORITHM);
    }

    @Test
    void aSha256CheckpointNamingSha3Fails() throws IOException {
        List<String> checkpoints = new ArrayList<>(log.checkpoints(0, 100, 10));
        checkpoints.set(9, SignedNote.sign(new Checkpoint(log.origin, 100, log.root(100), List.of("hash-algorithm SHA3-256")).text(),
                log.signer));
        VerificationReport report = verify(log.bundle().checkpoints(checkpoints));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.WRONG_HASH_ALGORITHM);
    }

    @Test
    void aMalformedKeyLineFails() throws IOException {
        VerificationReport report = verify(log.bundle().keys(List.of(log.signer.verifier().encoded(), "not-a-key")));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.MALFORMED);
    }

    // check 4: consistency and coverage

    @Test
    void aCheckpointBeyondTheBundleIsNotCoveredAndFails() throws IOException {
        TestLog longer = TestLog.create(MerkleHasher.SHA_256, 120);
        VerificationReport report = new LogVerifier().verify(longer.bundle().size(100)
                .checkpoints(longer.checkpoints(0, 120, 10)).write(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.CHECKPOINT_NOT_COVERED, 100L), tuple(Kind.CHECKPOINT_NOT_COVERED, 100L));
        assertThat(report.checkpointsVerified()).isEqualTo(10);
    }

    @Test
    void twoDifferentRootsForOneSizeAreInconsistent() throws IOException {
        List<String> checkpoints = new ArrayList<>(log.checkpoints(0, 100, 10));
        checkpoints.add(log.rewrittenFrom(40).checkpoint(50));
        VerificationReport report = verify(log.bundle().checkpoints(checkpoints));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.INCONSISTENT_CHECKPOINTS);
        assertThat(report.checkpointsVerified()).isEqualTo(10);
    }

    @Test
    void aBundleWithoutAnyCheckpointFails() throws IOException {
        VerificationReport report = verify(log.bundle().checkpoints(List.of()));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.NO_CHECKPOINT);
    }

    // check 5: anchors

    @Test
    void matchingAnchorsVerify() throws IOException {
        VerificationReport report = verify(log.bundle().anchors(List.of(
                new Anchored("rekor", log.checkpoint(20), "2026-11-22T10:00:00Z"),
                new Anchored("s3-object-lock", log.checkpoint(100), "2026-11-22T11:00:00Z"))));
        assertThat(report.ok()).isTrue();
        assertThat(report.anchorsVerified()).isEqualTo(2);
    }

    @Test
    void anAnchorBeyondTheBundleMeansARollback() throws IOException {
        TestLog longer = TestLog.create(MerkleHasher.SHA_256, 120);
        VerificationReport report = new LogVerifier().verify(longer.bundle().size(100)
                .anchors(List.of(new Anchored("rekor", longer.checkpoint(120), "2026-11-22T10:00:00Z"))).write(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.ANCHOR_BEYOND_LOG, 100L));
    }

    @Test
    void anAnchorWithAnotherRootMeansARewrite() throws IOException {
        TestLog rewritten = log.rewrittenFrom(K);
        VerificationReport report = new LogVerifier().verify(rewritten.bundle().anchors(List.of(
                new Anchored("rekor", log.checkpoint(20), "2026-11-22T10:00:00Z"),
                new Anchored("rekor", log.checkpoint(60), "2026-11-22T11:00:00Z"))).write(dir));
        assertThat(report.checkpointsVerified()).isEqualTo(10);
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.ANCHOR_MISMATCH, 20L));
    }

    // unreadable input

    @Test
    void aDirectoryWithoutLogJsonIsUnreadable() throws IOException {
        Path bundle = log.bundle().write(dir);
        Files.delete(bundle.resolve(BundleReader.LOG));
        VerificationReport report = new LogVerifier().verify(bundle);
        assertThat(report.unreadable()).isTrue();
        assertThat(report.problems().get(0).message()).contains("log.json");
        assertThat(new LogVerifier().verify(dir.resolve("nothing-here")).unreadable()).isTrue();
    }

    @Test
    void aFileThatIsNotAZipIsUnreadable() throws IOException {
        Path file = Files.writeString(dir.resolve("bundle.zip"), "hello");
        assertThat(new LogVerifier().verify(file).unreadable()).isTrue();
    }

    private VerificationReport verify(TestLog.Spec spec) throws IOException {
        return new LogVerifier().verify(spec.write(dir));
    }

    /** A bundle held in memory, as the server would stream it from its rows. */
    record ListSource(TestLog log, List<byte[]> rows, List<byte[]> storedHashes) implements BundleSource {

        @Override
        public LogHeader header() {
            return new LogHeader(log.origin, log.hasher, log.tenant, 0, rows.size(), List.of());
        }

        @Override
        public List<String> checkpoints() {
            return log.checkpoints(0, rows.size(), 10);
        }

        @Override
        public List<String> keys() {
            return List.of(log.signer.verifier().encoded());
        }

        @Override
        public List<Anchored> anchors() {
            return List.of();
        }

        @Override
        public boolean hasStoredLeafHashes() {
            return true;
        }

        @Override
        public EntryCursor entries() {
            Iterator<byte[]> entries = rows.iterator();
            Iterator<byte[]> hashes = storedHashes.iterator();
            return new EntryCursor() {
                byte[] current;
                byte[] hash;

                @Override
                public boolean next() {
                    if (!entries.hasNext()) {
                        return false;
                    }
                    current = entries.next();
                    hash = hashes.hasNext() ? hashes.next() : null;
                    return true;
                }

                @Override
                public byte[] buffer() {
                    return current;
                }

                @Override
                public int offset() {
                    return 0;
                }

                @Override
                public int length() {
                    return current.length;
                }

                @Override
                public boolean terminated() {
                    return true;
                }

                @Override
                public byte[] storedLeafHash() {
                    return hash;
                }

                @Override
                public boolean storedLeafHashesRemain() {
                    return hashes.hasNext();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
