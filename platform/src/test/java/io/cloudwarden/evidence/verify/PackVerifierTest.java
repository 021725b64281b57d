package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.verify.VerificationProblem.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Evidence packs: a good pack verifies, and each tampering is caught. */
class PackVerifierTest {

    @TempDir
    Path dir;

    final TestPack pack = new TestPack();

    @Test
    void aValidPackVerifies() throws IOException {
        Path zip = pack.writeZip(dir);
        assertThat(PackVerifier.isEvidencePack(zip)).isTrue();
        PackReport report = new PackVerifier().verify(zip);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.items()).isEqualTo(3);
        assertThat(report.filesChecked()).isEqualTo(2);
        assertThat(report.proofsChecked()).isEqualTo(3);
        assertThat(report.treeSize()).isEqualTo(TestPack.TREE_SIZE);
        assertThat(report.keys()).containsExactly(pack.log.signer.verifier().encoded());
    }

    @Test
    void aBundleIsNotAPack() throws IOException {
        assertThat(PackVerifier.isEvidencePack(TestLog.create(MerkleHasher.SHA_256, 10).bundle().write(dir))).isFalse();
    }

    @Test
    void aTamperedFileFails() throws IOException {
        pack.put("files/mfa.json", "{\"mfa\":\"optional\",\"users\":42}");
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.FILE_HASH_MISMATCH, 3L), tuple(Kind.FILE_HASH_MISMATCH, 3L));
        assertThat(report.firstBadIndex()).isEqualTo(3);
    }

    @Test
    void aTamperedIndexFails() throws IOException {
        pack.put("index.json", pack.text("index.json").replace("SOC2", "ISO27001"));
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.INDEX_HASH_MISMATCH);
    }

    @Test
    void aReplacedFileWithAnUpdatedIndexStillFailsAgainstTheLoggedHash() throws IOException {
        String forged = "{\"mfa\":\"optional\",\"users\":42}";
        pack.put("index.json", pack.text("index.json").replace(TestPack.sha256(pack.contents.get("files/mfa.json")),
                TestPack.sha256(forged.getBytes(StandardCharsets.UTF_8))));
        pack.put("files/mfa.json", forged);
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.INDEX_HASH_MISMATCH, null), tuple(Kind.FILE_HASH_MISMATCH, 3L));
    }

    @Test
    void aTamperedProofFails() throws IOException {
        String proof = pack.text("proofs/5.json");
        String firstElement = proof.substring(proof.indexOf("\"proof\":[\"") + 10, proof.indexOf("\"proof\":[\"") + 54);
        pack.put("proofs/5.json", proof.replace(firstElement, Base64.getEncoder().encodeToString(new byte[32])));
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.BAD_PROOF, 5L));
    }

    @Test
    void aTamperedEntryInAProofFails() throws IOException {
        pack.put("proofs/5.json", pack.text("proofs/5.json").replace("success", "failure"));
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.MODIFIED_ENTRY, 5L), tuple(Kind.BAD_PROOF, 5L));
    }

    @Test
    void aPackSignedByAnUnknownKeyFails() throws IOException {
        pack.signIndex(NoteSigner.generate(pack.log.origin));
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.UNKNOWN_KEY);
    }

    @Test
    void aPackSignatureThatDoesNotVerifyFails() throws IOException {
        String sig = pack.text("pack.sig");
        pack.put("pack.sig", sig.replace(PackVerifier.PACK_SIGNATURE_HEADER.strip(), "cloudwarden evidence pack!"));
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind).containsExactly(Kind.BAD_SIGNATURE);
    }

    @Test
    void aMissingProofFails() throws IOException {
        pack.contents.remove("proofs/7.json");
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind, VerificationProblem::index)
                .containsExactly(tuple(Kind.MISSING_FILE, 7L));
    }

    @Test
    void aCheckpointOfAnotherSizeFails() throws IOException {
        pack.put("checkpoint.txt", pack.log.checkpoint(19));
        PackReport report = new PackVerifier().verify(pack.writeZip(dir));
        assertThat(report.problems()).extracting(VerificationProblem::kind).contains(Kind.TREE_SIZE_MISMATCH);
    }
}
