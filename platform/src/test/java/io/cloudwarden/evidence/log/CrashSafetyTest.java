package io.cloudwarden.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.testsupport.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crash safety: a child JVM appending from eight threads is killed with SIGKILL in the middle of its group
 * commits. After a restart on the same database, every entry it acknowledged is there at the index it was
 * given, the log has no gaps, and the whole tree (recomputed from the stored entries) matches the stored
 * root and a checkpoint signed after the restart.
 */
class CrashSafetyTest {

    @Test
    void everyAcknowledgedEntrySurvivesAKillAndTheTreeVerifiesAfterRestart() throws Exception {
        String url = TestDatabase.newDatabase();
        String tenant = UUID.randomUUID().toString();

        Map<Long, String> acked = new HashMap<>();
        Process first = start(url, tenant, -1);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acked.put(Long.parseLong(parts[1]), parts[2]);
                    if (acked.size() == 400) {
                        // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves our end of the pipe open
                        first.toHandle().destroyForcibly();
                    }
                }
            }
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked).hasSizeGreaterThanOrEqualTo(400);

        Process second = start(url, tenant, 50);
        List<String> secondOut = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                secondOut.add(line);
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acked.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
        }
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(String.join("\n", secondOut)).isZero();
        assertThat(secondOut).contains("DONE");

        JdbcTemplate owner = TestDatabase.owner(url);
        long size = owner.queryForObject("select tree_size from audit_logs where tenant_id = ?::uuid", Long.class, tenant);
        List<byte[]> entries = owner.query("select idx, entry from audit_entries where tenant_id = ?::uuid order by idx",
                (rs, n) -> {
                    assertThat(rs.getLong(1)).as("no gaps").isEqualTo(n);
                    return rs.getBytes(2);
                }, tenant);
        assertThat(entries).hasSize((int) size);
        for (Map.Entry<Long, String> ack : acked.entrySet()) {
            assertThat(ack.getKey()).isLessThan(size);
            assertThat(new String(entries.get(ack.getKey().intValue()), StandardCharsets.UTF_8))
                    .as("acknowledged entry %d", ack.getKey()).contains(ack.getValue());
        }

        List<byte[]> leaves = entries.stream().map(MerkleHasher.SHA_256::leafHash).toList();
        byte[] root = new MerkleTree(MerkleHasher.SHA_256, i -> leaves.get((int) i)).rootHash(size);
        assertThat(owner.queryForObject("select root_hash from audit_logs where tenant_id = ?::uuid", byte[].class, tenant))
                .isEqualTo(root);
        String origin = owner.queryForObject("select origin from audit_logs where tenant_id = ?::uuid", String.class, tenant);
        String note = owner.queryForObject("select note from audit_checkpoints where tenant_id = ?::uuid and tree_size = ?",
                String.class, tenant, size);
        List<NoteVerifier> keys = owner.query("select public_key from audit_signing_keys",
                (rs, n) -> NoteVerifier.of(origin, rs.getBytes(1)));
        assertThat(SignedNote.verify(note, keys)).isNotEmpty();
        assertThat(Checkpoint.parse(SignedNote.parse(note).text()).rootHash()).isEqualTo(root);
    }

    private static Process start(String url, String tenant, long count) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName(), url, tenant, Long.toString(count))
                .redirectErrorStream(true)
                .start();
    }
}
