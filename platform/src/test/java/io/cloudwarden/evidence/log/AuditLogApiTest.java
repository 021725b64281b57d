package io.cloudwarden.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The audit log over real HTTP: events recorded, checkpoints signed, proofs verifiable, timeline filters, exports. */
@PlatformTest
class AuditLogApiTest {

    @LocalServerPort
    int port;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    ApiClient api;
    JdbcTemplate owner;

    @BeforeEach
    void login() {
        api = new ApiClient(port).loginAsAdmin();
        owner = TestDatabase.owner(dbUrl);
    }

    @Test
    void anAuditedActionBecomesAnEntryWithAProofAgainstASignedCheckpoint() {
        ApiClient.Response created = api.post("/api/v1/accounts", TestAccounts.simulator("audited", "aws", "111122223333"));
        assertThat(created.status()).isEqualTo(201);
        String accountId = created.body().get("id").asString();

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> first(api.get("/api/v1/audit/entries?action=accounts.account&target=account:" + accountId).body()),
                e -> e != null);
        assertThat(entry.get("action").asString()).isEqualTo("accounts.account.registered");
        assertThat(entry.get("actor").asString()).startsWith("user:");
        assertThat(entry.get("sourceIp").asString()).isNotBlank();
        assertThat(entry.get("details").get("configKeys").toString()).contains("accessSecret");
        assertThat(entry.get("canonical").asString()).doesNotContain(TestAccounts.SECRET).startsWith("{\"action\":");

        long index = entry.get("index").asLong();
        JsonNode proof = api.get(entry.get("proof").asString()).body();
        JsonNode checkpoint = proof.get("checkpoint");
        assertThat(checkpoint).as("the proof is against a signed checkpoint").isNotNull();
        List<NoteVerifier> keys = verifierKeys();
        String note = checkpoint.get("note").asString();
        assertThat(SignedNote.verify(note, keys)).isNotEmpty();
        Checkpoint cp = Checkpoint.parse(SignedNote.parse(note).text());
        assertThat(cp.size()).isEqualTo(proof.get("treeSize").asLong());
        assertThat(cp.origin()).endsWith(api.get("/api/v1/audit/log").body().get("origin").asString().substring(
                api.get("/api/v1/audit/log").body().get("origin").asString().lastIndexOf('/')));

        byte[] leaf = MerkleHasher.SHA_256.leafHash(proof.get("canonical").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(proof.get("leafHash").asString());
        new MerkleProofsCheck().inclusion(index, cp, leaf, proof.get("proof"));

        JsonNode byLeaf = api.get("/api/v1/audit/proofs/inclusion?leafHash="
                + java.net.URLEncoder.encode(proof.get("leafHash").asString(), StandardCharsets.UTF_8)).body();
        assertThat(byLeaf.get("index").asLong()).isEqualTo(index);
    }

    @Test
    void everyStoredTreeSizeIsProvableAndMatchesTheReferenceTree() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/accounts", TestAccounts.simulator("proofs-" + i, "aws", "77778888999" + i)).status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/audit/log").body().get("treeSize").asLong() >= 4);
        JsonNode cp = api.post("/api/v1/audit/checkpoints", Map.of()).body();
        long size = cp.get("treeSize").asLong();

        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            JsonNode e = api.get("/api/v1/audit/entries/" + i).body();
            assertThat(e.get("index").asLong()).isEqualTo(i);
            leaves.add(Base64.getDecoder().decode(e.get("leafHash").asString()));
        }
        MerkleTree reference = new MerkleTree(MerkleHasher.SHA_256, i -> leaves.get((int) i));
        assertThat(cp.get("rootHash").asString()).isEqualTo(Base64.getEncoder().encodeToString(reference.rootHash(size)));
        MerkleProofs verifier = new MerkleProofs(MerkleHasher.SHA_256);
        for (long first = 1; first <= size; first++) {
            JsonNode c = api.get("/api/v1/audit/proofs/consistency?first=" + first + "&second=" + size).body();
            assertThat(c.get("firstRoot").asString()).isEqualTo(Base64.getEncoder().encodeToString(reference.rootHash(first)));
            long f = first;
            org.assertj.core.api.Assertions.assertThatCode(() -> verifier.verifyConsistency(f, size, decode(c.get("proof")),
                    reference.rootHash(f), reference.rootHash(size))).doesNotThrowAnyException();
            for (long i = 0; i < first; i++) {
                JsonNode p = api.get("/api/v1/audit/proofs/inclusion?index=" + i + "&treeSize=" + first).body();
                long at = i;
                org.assertj.core.api.Assertions.assertThatCode(() -> verifier.verifyInclusion(at, f, leaves.get((int) at),
                        decode(p.get("proof")), reference.rootHash(f))).doesNotThrowAnyException();
            }
        }
        assertThat(api.get("/api/v1/audit/proofs/inclusion?index=0&treeSize=" + (size + 1000)).code()).isEqualTo("INVALID_TREE_SIZE");
        assertThat(api.get("/api/v1/audit/proofs/inclusion?index=5&treeSize=3").code()).isEqualTo("INVALID_PROOF_REQUEST");
        assertThat(api.get("/api/v1/audit/proofs/inclusion").code()).isEqualTo("INVALID_PROOF_REQUEST");
        assertThat(api.get("/api/v1/audit/entries/999999").status()).isEqualTo(404);
    }

    @Test
    void theTimelineFiltersAndPagesAndExportsAreAudited() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/accounts", TestAccounts.simulator("timeline-" + i, "aws", "44445555666" + i)).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/audit/entries?action=accounts.account.registered&limit=500").body().get("items").size() >= 3);
        JsonNode page1 = api.get("/api/v1/audit/entries?action=accounts&limit=2").body();
        assertThat(page1.get("items").size()).isEqualTo(2);
        long newest = page1.get("items").get(0).get("index").asLong();
        assertThat(page1.get("items").get(1).get("index").asLong()).isLessThan(newest);
        String cursor = page1.get("nextCursor").asString();
        JsonNode page2 = api.get("/api/v1/audit/entries?action=accounts&limit=2&cursor=" + cursor).body();
        assertThat(page2.get("items").get(0).get("index").asLong()).isLessThan(page1.get("items").get(1).get("index").asLong());
        assertThat(api.get("/api/v1/audit/entries?action=accounts.account.registered&outcome=failure").body()
                .get("items").size()).isZero();
        assertThat(api.get("/api/v1/audit/entries?action=accounts.account.registered&outcome=success").body()
                .get("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/v1/audit/entries?outcome=maybe").code()).isEqualTo("INVALID_AUDIT_FILTER");
        assertThat(api.get("/api/v1/audit/entries?actorr=x").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/entries?from=2030-01-01T00:00:00Z").body().get("items").size()).isZero();

        ApiClient.Response csv = api.getText("/api/v1/audit/entries/export?format=csv&action=accounts.account.registered");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines[0]).startsWith("index,timestamp,actor,action");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        ApiClient.Response jsonl = api.getText("/api/v1/audit/entries/export?format=json&action=accounts.account.registered");
        assertThat(jsonl.raw().lines().toList()).allMatch(l -> l.startsWith("{\"action\":\"accounts.account.registered\""));
        assertThat(api.getText("/api/v1/audit/entries/export?format=xml").status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(5)).until(
                () -> api.get("/api/v1/audit/entries?action=evidence.audit.exported").body().get("items").size() == 2);
    }

    @Test
    void theHashAlgorithmIsFixedOnceTheLogHasEntries() {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/audit/log").body().get("treeSize").asLong() > 0);
        ApiClient.Response r = api.put("/api/v1/audit/log", Map.of("hashAlgorithm", "SHA3-256"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("AUDIT_LOG_NOT_EMPTY");
        assertThat(api.put("/api/v1/audit/log", Map.of("hashAlgorithm", "MD5")).code()).isEqualTo("UNKNOWN_HASH_ALGORITHM");
    }

    @Test
    void aRotatedKeyLeavesOldCheckpointsVerifiable() {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/audit/log").body().get("treeSize").asLong() > 0);
        String before = api.post("/api/v1/audit/checkpoints", Map.of()).body().get("note").asString();
        JsonNode keys = api.post("/api/v1/audit/keys/rotate", Map.of()).body();
        assertThat(keys.get("verifierKeys").size()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/audit/entries?action=evidence.signing-key.rotated").body().get("items").size() == 1);
        String after = api.post("/api/v1/audit/checkpoints", Map.of()).body().get("note").asString();
        List<NoteVerifier> all = verifierKeys();
        assertThat(SignedNote.verify(before, all)).isNotEmpty();
        assertThat(SignedNote.verify(after, all)).isNotEmpty();
        assertThat(SignedNote.parse(before).signatures().get(0).keyId())
                .isNotEqualTo(SignedNote.parse(after).signatures().get(0).keyId());

        // the public halves are published without authentication, and give the same verifier keys
        JsonNode published = new ApiClient(port).get("/.well-known/cloudwarden-audit-keys").body();
        String origin = api.get("/api/v1/audit/log").body().get("origin").asString();
        List<NoteVerifier> fromPublished = StreamSupport.stream(published.get("keys").spliterator(), false)
                .map(k -> NoteVerifier.of(origin, Base64.getDecoder().decode(k.get("publicKey").asString()))).toList();
        assertThat(SignedNote.verify(before, fromPublished)).isNotEmpty();
        assertThat(SignedNote.verify(after, fromPublished)).isNotEmpty();
        assertThat(published.get("keys").toString()).contains("retiredAt");
    }

    @Test
    void theLogIsAppendOnlyForTheApplicationRole() {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/audit/log").body().get("treeSize").asLong() > 0);
        String grants = owner.queryForObject("""
                select string_agg(privilege_type, ',' order by privilege_type) from information_schema.role_table_grants
                where table_name = 'audit_entries' and grantee = 'cloudwarden_app'""", String.class);
        assertThat(grants).isEqualTo("INSERT,SELECT");
    }

    private List<NoteVerifier> verifierKeys() {
        JsonNode keys = api.get("/api/v1/audit/keys").body().get("verifierKeys");
        return StreamSupport.stream(keys.spliterator(), false).map(k -> NoteVerifier.parse(k.asString())).toList();
    }

    private static JsonNode first(JsonNode page) {
        return page.get("items").isEmpty() ? null : page.get("items").get(0);
    }

    static List<byte[]> decode(JsonNode proof) {
        return StreamSupport.stream(proof.spliterator(), false).map(n -> Base64.getDecoder().decode(n.asString())).toList();
    }

    private static final class MerkleProofsCheck {
        void inclusion(long index, Checkpoint cp, byte[] leaf, JsonNode proof) {
            org.assertj.core.api.Assertions.assertThatCode(() -> new MerkleProofs(MerkleHasher.SHA_256)
                    .verifyInclusion(index, cp.size(), leaf, decode(proof), cp.rootHash())).doesNotThrowAnyException();
        }
    }
}
