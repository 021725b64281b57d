package io.cloudwarden.cli;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.verify.TestLog;
import io.cloudwarden.evidence.verify.TestPack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cloudwarden verify-log} in-process: exit codes, human and JSON output. */
class VerifyLogCommandTest {

    @TempDir
    Path dir;

    final TestLog log = TestLog.create(MerkleHasher.SHA_256, 100);
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new CloudwardenCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void aValidBundleExitsZeroAndSaysWhatWasChecked() throws Exception {
        Path bundle = log.bundle().zip().write(dir);
        assertThat(run("verify-log", bundle.toString())).isZero();
        assertThat(out.toString())
                .contains("entries      100 checked, indexes 0 to 99")
                .contains("checkpoints  10 in the bundle, 10 reproduced")
                .contains(log.signer.verifier().encoded())
                .contains("OK: every check passed");
    }

    @Test
    void quietPrintsNothingWhenTheBundleVerifies() throws Exception {
        assertThat(run("verify-log", "--quiet", log.bundle().write(dir).toString())).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTamperedBundleExitsOneAndNamesTheFirstBadIndex() throws Exception {
        Path bundle = log.bundle().write(dir);
        TestLog.editLines(bundle, "entries.jsonl", TestLog.replaceIn(42, "success", "denied"));
        assertThat(run("verify-log", bundle.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED: 1 problem(s), first bad index 42").contains("MODIFIED_ENTRY at index 42");
    }

    @Test
    void theJsonReportCarriesTheProblems() throws Exception {
        Path bundle = log.bundle().write(dir);
        TestLog.editLines(bundle, "entries.jsonl", TestLog.replaceIn(42, "success", "denied"));
        assertThat(run("verify-log", "--json", bundle.toString())).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("type").asString()).isEqualTo("bundle");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("origin").asString()).isEqualTo(log.origin);
        assertThat(json.get("entriesChecked").asLong()).isEqualTo(100);
        assertThat(json.get("firstBadIndex").asLong()).isEqualTo(42);
        assertThat(json.get("problems").get(0).get("kind").asString()).isEqualTo("MODIFIED_ENTRY");
        assertThat(json.get("problems").get(0).get("index").asLong()).isEqualTo(42);
    }

    @Test
    void theJsonReportOfAValidBundleIsOk() throws Exception {
        assertThat(run("verify-log", "--json", log.bundle().write(dir).toString())).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("checkpointsVerified").asInt()).isEqualTo(10);
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void anEvidencePackIsDetectedAndVerified() throws Exception {
        TestPack pack = new TestPack();
        assertThat(run("verify-log", "--json", pack.writeZip(dir).toString())).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("type").asString()).isEqualTo("evidence-pack");
        assertThat(json.get("proofsChecked").asInt()).isEqualTo(3);

        pack.put("files/mfa.json", "{}");
        out.getBuffer().setLength(0);
        assertThat(run("verify-log", pack.writeZip(Files.createDirectory(dir.resolve("tampered"))).toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FILE_HASH_MISMATCH at index 3");
    }

    @Test
    void unreadableInputExitsTwo() throws Exception {
        assertThat(run("verify-log", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("UNREADABLE");
        Path notABundle = Files.createDirectory(dir.resolve("empty"));
        assertThat(run("verify-log", "--json", notABundle.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("\"exitCode\" : 2");
    }
}
