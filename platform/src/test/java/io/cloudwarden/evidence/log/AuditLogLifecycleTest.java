package io.cloudwarden.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.evidence.verify.LogVerifier;
import io.cloudwarden.evidence.verify.VerificationReport;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A log's life: a SHA3-256 log chosen at creation, settings changes, and retention that keeps it verifiable. */
@PlatformTest
class AuditLogLifecycleTest {

    @LocalServerPort
    int port;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    @Autowired
    AuditLedger ledger;

    @Autowired
    LedgerAdministration admin;

    @Autowired
    AuditExport export;

    @Autowired
    AuditRetention retention;

    @Autowired
    io.cloudwarden.evidence.pack.EvidenceRetention evidenceRetention;

    JdbcTemplate owner;

    @BeforeEach
    void setUp() {
        owner = TestDatabase.owner(dbUrl);
    }

    @Test
    void aSha3LogNamesItsAlgorithmInItsCheckpointsAndVerifies(@TempDir Path dir) throws Exception {
        TenantId tenant = newTenant();
        admin.setHashAlgorithm(tenant, MerkleHasher.SHA3_256, "user:tester", null);
        append(tenant, 12);
        StoredCheckpoint checkpoint = ledger.checkpointNow(tenant);
        Checkpoint parsed = Checkpoint.parse(SignedNote.parse(checkpoint.note()).text());
        assertThat(parsed.hashAlgorithm()).isEqualTo("SHA3-256");
        assertThat(ledger.log(tenant).hasher()).isEqualTo(MerkleHasher.SHA3_256);

        StoredEntry first = ledger.entry(tenant, 0).orElseThrow();
        assertThat(first.action()).as("the choice is the log's first entry").isEqualTo("evidence.audit.settings-changed");
        assertThat(first.leafHash()).isEqualTo(MerkleHasher.SHA3_256.leafHash(first.entry()));
        InclusionProof proof = ledger.inclusionProof(tenant, 5, checkpoint.treeSize());
        new MerkleProofs(MerkleHasher.SHA3_256).verifyInclusion(5, checkpoint.treeSize(), proof.leafHash(), proof.proof(),
                parsed.rootHash());

        assertThat(export.verify(tenant).ok()).isTrue();
        Path bundle = dir.resolve("sha3.zip");
        export.exportBundle(tenant, bundle);
        VerificationReport offline = new LogVerifier().verify(bundle);
        assertThat(offline.ok()).as(offline.problems().toString()).isTrue();
        assertThat(offline.hashAlgorithm()).isEqualTo("SHA3-256");
        assertThatThrownBy(() -> admin.setHashAlgorithm(tenant, MerkleHasher.SHA_256, "user:tester", null))
                .isInstanceOf(CloudwardenException.class).hasMessageContaining("fixed once the first entry");
    }

    @Test
    void retentionArchivesWholeCheckpointedSegmentsAndTheLogStillVerifies() throws Exception {
        TenantId tenant = newTenant();
        append(tenant, 10);
        ledger.checkpointNow(tenant);
        append(tenant, 10);
        ledger.checkpointNow(tenant);
        append(tenant, 5);
        owner.update("update audit_entries set appended_at = now() - interval '100 days' where tenant_id = ? and idx < 23",
                tenant.value());
        append(tenant, 5);
        ledger.checkpointNow(tenant);

        List<AuditRetention.Segment> segments = retention.archiveOlderThan(tenant, Instant.now().minus(Duration.ofDays(90)));
        assertThat(segments).as("up to the last checkpoint before the cutoff (20), not to the cutoff (23)")
                .singleElement().satisfies(s -> {
                    assertThat(s.firstIndex()).isZero();
                    assertThat(s.endIndex()).isEqualTo(20);
                });
        assertThat(retention.archiveOlderThan(tenant, Instant.now().minus(Duration.ofDays(90)))).isEmpty();

        Path archive = segments.get(0).location();
        assertThat(archive).exists();
        VerificationReport archived = new LogVerifier().verify(archive);
        assertThat(archived.ok()).as(archived.problems().toString()).isTrue();
        assertThat(archived.verifiedSize()).isEqualTo(20);

        assertThat(owner.queryForObject("select min(idx) from audit_entries where tenant_id = ?", Long.class, tenant.value()))
                .isEqualTo(20);
        VerificationReport online = export.verify(tenant);
        assertThat(online.ok()).as(online.problems().toString()).isTrue();
        assertThat(online.firstIndex()).isEqualTo(20);

        long size = ledger.log(tenant).treeSize();
        StoredCheckpoint checkpoint = ledger.checkpointNow(tenant);
        InclusionProof later = ledger.inclusionProof(tenant, 25, checkpoint.treeSize());
        new MerkleProofs(MerkleHasher.SHA_256).verifyInclusion(25, size, later.leafHash(), later.proof(), checkpoint.rootHash());
        assertThatThrownBy(() -> ledger.inclusionProof(tenant, 5, size))
                .isInstanceOf(CloudwardenException.class).hasMessageContaining(archive.getFileName().toString());
        assertThat(ledger.entry(tenant, size - 1).orElseThrow().action()).isEqualTo("evidence.audit.archived");

        assertThat(Files.size(archive)).isPositive();
        assertThatThrownBy(() -> owner.queryForObject("select cw_audit_remove_archived(?, 20, 25)", Long.class, tenant.value()))
                .hasMessageContaining("session");
    }

    @Test
    void settingsAreValidatedAndAudited() {
        ApiClient api = new ApiClient(port).loginAsAdmin();
        JsonNode log = api.put("/api/v1/audit/log", Map.of("onlineRetentionDays", 30)).body();
        assertThat(log.get("onlineRetentionDays").asInt()).isEqualTo(30);
        assertThat(api.put("/api/v1/audit/log", Map.of("onlineRetentionDays", 0)).code()).isEqualTo("INVALID_AUDIT_SETTINGS");
        assertThat(api.put("/api/v1/audit/log", Map.of("retention", 3)).code()).isEqualTo("INVALID_AUDIT_SETTINGS");
        assertThat(api.put("/api/v1/audit/log", Map.of("onlineRetentionDays", "soon")).code()).isEqualTo("INVALID_AUDIT_SETTINGS");
        java.util.HashMap<String, Object> reset = new java.util.HashMap<>();
        reset.put("onlineRetentionDays", null);
        assertThat(api.put("/api/v1/audit/log", reset).body().get("onlineRetentionDays").isNull()).isTrue();
        assertThat(api.get("/api/v1/audit/entries?action=evidence.audit.settings-changed&target=audit-log").body()
                .get("items").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void evidenceOlderThanItsRetentionIsDeletedAndTheDeletionAudited() {
        ApiClient api = new ApiClient(port).loginAsAdmin();
        Map<String, Object> old = Map.of("kind", "document", "title", "Old policy", "controls", List.of("SOC2:CC6.1"),
                "collectedAt", Instant.now().minus(Duration.ofDays(3000)).toString());
        Map<String, Object> recent = Map.of("kind", "document", "title", "Current policy", "controls", List.of("SOC2:CC6.1"),
                "collectedAt", Instant.now().minus(Duration.ofDays(30)).toString());
        String oldId = api.post("/api/v1/evidence/items", old).body().get("id").asString();
        String recentId = api.post("/api/v1/evidence/items", recent).body().get("id").asString();
        TenantId tenant = new TenantId(owner.queryForObject("select id from tenants where name = 'Test'", UUID.class));

        assertThat(evidenceRetention.expire(tenant, Instant.now().minus(Duration.ofDays(2557)))).isEqualTo(1);
        assertThat(api.get("/api/v1/evidence/items/" + oldId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evidence/items/" + recentId).status()).isEqualTo(200);
        JsonNode expired = api.get("/api/v1/audit/entries?action=evidence.item.expired").body().get("items").get(0);
        assertThat(expired.get("details").get("items").toString()).contains(oldId).doesNotContain(recentId);
        assertThat(evidenceRetention.expire(tenant, Instant.now().minus(Duration.ofDays(2557)))).isZero();

        assertThat(api.put("/api/v1/audit/log", Map.of("evidenceRetentionDays", 3650)).body()
                .get("evidenceRetentionDays").asInt()).isEqualTo(3650);
    }

    private TenantId newTenant() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        owner.update("insert into tenants (id, name, kind) values (?, ?, 'CUSTOMER')", tenant.value(), "lifecycle-" + tenant);
        return tenant;
    }

    private void append(TenantId tenant, int count) {
        for (int i = 0; i < count; i++) {
            ledger.append(new AuditRecord(tenant, Instant.now(), "user:tester", "test.lifecycle.action",
                    AuditableEvent.Outcome.SUCCESS, "resource:r-" + i, null, Map.of("n", i)));
        }
    }
}
