package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditTimeline;
import io.cloudwarden.evidence.log.StoredEntry;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence API over real HTTP on a real database, with the real audit ledger. */
@PlatformTest
@TestPropertySource(properties = "cloudwarden.evidence.max-upload-size=64KB")
class EvidenceApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    @Autowired
    AuditLedger ledger;

    @Autowired
    AuditTimeline timeline;

    ApiClient api;
    EvidenceHttp http;
    JdbcTemplate jdbc;
    TenantId tenant;

    @BeforeEach
    void login() {
        api = new ApiClient(port).loginAsAdmin();
        http = new EvidenceHttp(port);
        jdbc = TestDatabase.owner(dbUrl);
        tenant = new TenantId(jdbc.queryForObject("select id from tenants where name = 'Test'", UUID.class));
    }

    @Test
    void recordsAnItemAndItsAuditEntryTogether() {
        ApiClient.Response created = api.post("/api/v1/evidence/items", item("access_review", "Q1 access review",
                List.of("soc2:cc6.1", "SOC2:CC6.2"), "2025-01-10T10:00:00Z"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        String id = body.get("id").asString();
        assertThat(body.get("controls").toString()).isEqualTo("[\"SOC2:CC6.1\",\"SOC2:CC6.2\"]");
        assertThat(body.get("createdBy").asString()).startsWith("user:");
        assertThat(body.has("file")).isFalse();

        long logIndex = body.get("logIndex").asLong();
        StoredEntry entry = entry(logIndex);
        assertThat(entry.action()).isEqualTo("evidence.item.recorded");
        assertThat(entry.target()).isEqualTo("evidence:" + id);
        JsonNode details = JSON.readTree(entry.entry()).get("details");
        assertThat(details.get("kind").asString()).isEqualTo("access_review");
        assertThat(details.get("title").asString()).isEqualTo("Q1 access review");
        assertThat(details.get("controls").toString()).contains("SOC2:CC6.1", "SOC2:CC6.2");
        assertThat(jdbc.queryForObject("select log_index from evidence_items where id = ?::uuid", Long.class, id))
                .isEqualTo(logIndex);

        JsonNode fetched = api.get("/api/v1/evidence/items/" + id).body();
        assertThat(fetched.get("title").asString()).isEqualTo("Q1 access review");
        assertThat(fetched.get("collectedAt").asString()).isEqualTo("2025-01-10T10:00:00Z");
        assertThat(api.get("/api/v1/evidence/items/" + UUID.randomUUID()).code()).isEqualTo("EVIDENCE_ITEM_NOT_FOUND");
        assertThat(api.get("/api/v1/evidence/items/" + id + "/file").code()).isEqualTo("EVIDENCE_FILE_NOT_FOUND");
    }

    @Test
    void listsWithFiltersAndCursorPaging() {
        String a = id(api.post("/api/v1/evidence/items", item("policy_evaluation", "CIS root key check",
                List.of("CIS-AWS-5.0:1.4"), "2025-02-03T00:00:00Z")));
        String b = id(api.post("/api/v1/evidence/items", item("document", "Access control policy",
                List.of("ISO27001:A.5.15", "SOC2:CC6.3"), "2025-02-02T00:00:00Z")));
        String c = id(api.post("/api/v1/evidence/items", item("change_record", "Firewall change",
                List.of("SOC2:CC8.1"), "2025-02-01T00:00:00Z")));
        String window = "&from=2025-02-01T00:00:00Z&to=2025-03-01T00:00:00Z";

        assertThat(ids(api.get("/api/v1/evidence/items?limit=50" + window))).containsExactly(a, b, c);
        assertThat(ids(api.get("/api/v1/evidence/items?kind=document" + window))).containsExactly(b);
        assertThat(ids(api.get("/api/v1/evidence/items?control=soc2:cc8.1" + window))).containsExactly(c);
        assertThat(ids(api.get("/api/v1/evidence/items?framework=CIS" + window))).containsExactly(a);
        assertThat(ids(api.get("/api/v1/evidence/items?framework=ISO27001" + window))).containsExactly(b);
        assertThat(ids(api.get("/api/v1/evidence/items?from=2025-02-02T00:00:00Z&to=2025-02-03T00:00:00Z"))).containsExactly(b);

        ApiClient.Response page1 = api.get("/api/v1/evidence/items?limit=2" + window);
        assertThat(ids(page1)).containsExactly(a, b);
        String cursor = page1.body().get("nextCursor").asString();
        ApiClient.Response page2 = api.get("/api/v1/evidence/items?limit=2" + window + "&cursor=" + cursor);
        assertThat(ids(page2)).containsExactly(c);
        assertThat(page2.body().get("nextCursor").isNull()).isTrue();

        assertThat(api.get("/api/v1/evidence/items?kind=memo").code()).isEqualTo("INVALID_FILTER");
        assertThat(api.get("/api/v1/evidence/items?framework=COBIT").code()).isEqualTo("UNKNOWN_FRAMEWORK");
        assertThat(api.get("/api/v1/evidence/items?from=yesterday").code()).isEqualTo("INVALID_FILTER");
        assertThat(api.get("/api/v1/evidence/items?colour=red").code()).isEqualTo("INVALID_FILTER");
    }

    @Test
    void rejectsUnknownControlsAndInvalidItemsWithStableCodes() {
        long before = count();
        ApiClient.Response unknown = api.post("/api/v1/evidence/items", item("document", "Policy",
                List.of("SOC2:CC6.1", "SOC2:CC99.9"), null));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_CONTROL");
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("controls[1]");

        ApiClient.Response noCatalogue = api.post("/api/v1/evidence/items", item("document", "BAA", List.of("HIPAA:164.308"), null));
        assertThat(noCatalogue.status()).isEqualTo(400);
        assertThat(noCatalogue.code()).isEqualTo("FRAMEWORK_NOT_AVAILABLE");

        ApiClient.Response invalid = api.post("/api/v1/evidence/items", Map.of("kind", "memo", "title", "", "controls", List.of()));
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.body().get("errors").toString()).contains("kind", "title", "controls");

        assertThat(api.postRaw("/api/v1/evidence/items", "{\"kind\":\"document\",\"colour\":\"red\"}").code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void uploadsAFileRecordsItsHashAndServesItBack() {
        byte[] content = "user,mfa\nalice,true\nbob,false\n".getBytes(StandardCharsets.UTF_8);
        EvidenceHttp.BinaryResponse created = http.upload("/api/v1/evidence/items/upload", "../mfa-report.csv", "text/csv",
                content, item("scan_result", "MFA report", List.of("SOC2:CC6.1"), "2025-01-15T00:00:00Z"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String sha = EvidencePackWriter.hex(EvidencePackWriter.sha256(content));
        assertThat(body.get("file").get("name").asString()).isEqualTo("mfa-report.csv");
        assertThat(body.get("file").get("mediaType").asString()).isEqualTo("text/csv");
        assertThat(body.get("file").get("size").asLong()).isEqualTo(content.length);
        assertThat(body.get("file").get("sha256").asString()).isEqualTo(sha);

        JsonNode details = JSON.readTree(entry(body.get("logIndex").asLong()).entry()).get("details");
        assertThat(details.get("sha256").asString()).isEqualTo(sha);
        assertThat(details.get("size").asLong()).isEqualTo(content.length);
        assertThat(details.get("fileName").asString()).isEqualTo("mfa-report.csv");

        EvidenceHttp.BinaryResponse file = http.get("/api/v1/evidence/items/" + body.get("id").asString() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(content);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.header("Content-Disposition")).startsWith("attachment").contains("mfa-report.csv");
        assertThat(file.header("X-Evidence-SHA256")).isEqualTo(sha);
    }

    @Test
    void refusesUploadsAboveTheLimitWithAStableCode() {
        long before = count();
        EvidenceHttp.BinaryResponse tooLarge = http.upload("/api/v1/evidence/items/upload", "big.bin",
                "application/octet-stream", new byte[100 * 1024], item("document", "Big", List.of("SOC2:CC6.1"), null));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("EVIDENCE_FILE_TOO_LARGE");
        EvidenceHttp.BinaryResponse badMetadata = http.upload("/api/v1/evidence/items/upload", "a.txt", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8), Map.of("kind", "document", "colour", "red"));
        assertThat(badMetadata.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void generatesAVerifiablePackAndKeepsIt() throws Exception {
        byte[] content = "minutes of the change advisory board".getBytes(StandardCharsets.UTF_8);
        String withFile = http.upload("/api/v1/evidence/items/upload", "cab.txt", "text/plain", content,
                item("approval", "CAB minutes", List.of("SOC2:CC8.1"), "2025-03-05T00:00:00Z")).json().get("id").asString();
        String plain = id(api.post("/api/v1/evidence/items", item("access_review", "Admin review",
                List.of("SOC2:CC6.2", "ISO27001:A.5.18"), "2025-03-06T00:00:00Z")));
        id(api.post("/api/v1/evidence/items", item("document", "ISO only", List.of("ISO27001:A.5.1"), "2025-03-07T00:00:00Z")));
        id(api.post("/api/v1/evidence/items", item("document", "Outside period", List.of("SOC2:CC8.1"), "2025-04-07T00:00:00Z")));

        EvidenceHttp.BinaryResponse generated = http.postJson("/api/v1/evidence/packs",
                Map.of("framework", "SOC2", "from", "2025-03-01T00:00:00Z", "to", "2025-04-01T00:00:00Z"));
        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.contentType()).startsWith("application/zip");
        JsonNode index = PackChecks.verify(generated.body());
        java.nio.file.Path packFile = java.nio.file.Files.createTempFile("pack", ".zip");
        try {
            java.nio.file.Files.write(packFile, generated.body());
            io.cloudwarden.evidence.verify.PackReport offline = new io.cloudwarden.evidence.verify.PackVerifier().verify(packFile);
            assertThat(offline.ok()).as("verify-log accepts the server's pack: " + offline.problems()).isTrue();
            assertThat(new picocli.CommandLine(new io.cloudwarden.cli.CloudwardenCommand())
                    .execute("verify-log", "--quiet", packFile.toString())).isZero();
        } finally {
            java.nio.file.Files.deleteIfExists(packFile);
        }
        List<String> itemIds = new ArrayList<>();
        index.get("items").forEach(i -> itemIds.add(i.get("id").asString()));
        assertThat(itemIds).containsExactly(withFile, plain);
        assertThat(index.get("framework").asString()).isEqualTo("SOC2");
        String summary = PackChecks.pdfText(PackChecks.unzip(generated.body()).get("summary.pdf"));
        assertThat(summary).contains("Evidence pack: SOC2", "Test", "CAB minutes", "Admin review");

        String packId = generated.header("X-Evidence-Pack-Id");
        String indexSha = EvidencePackWriter.hex(EvidencePackWriter.sha256(PackChecks.unzip(generated.body()).get("index.json")));
        assertThat(generated.header("X-Evidence-Pack-SHA256")).isEqualTo(indexSha);
        JsonNode record = api.get("/api/v1/evidence/packs/" + packId).body();
        assertThat(record.get("itemCount").asInt()).isEqualTo(2);
        assertThat(record.get("sha256").asString()).isEqualTo(indexSha);
        StoredEntry audit = entry(record.get("logIndex").asLong());
        assertThat(audit.action()).isEqualTo("evidence.pack.generated");
        JsonNode details = JSON.readTree(audit.entry()).get("details");
        assertThat(details.get("framework").asString()).isEqualTo("SOC2");
        assertThat(details.get("itemCount").asInt()).isEqualTo(2);
        assertThat(details.get("sha256").asString()).isEqualTo(indexSha);
        assertThat(details.get("period").get("from").asString()).isEqualTo("2025-03-01T00:00:00Z");

        EvidenceHttp.BinaryResponse download = http.get("/api/v1/evidence/packs/" + packId + "/download");
        assertThat(download.body()).isEqualTo(generated.body());
        assertThat(ids(api.get("/api/v1/evidence/packs"))).contains(packId);

        EvidenceHttp.BinaryResponse subset = http.postJson("/api/v1/evidence/packs", Map.of("framework", "SOC2",
                "controls", List.of("SOC2:CC6.2"), "from", "2025-03-01T00:00:00Z", "to", "2025-04-01T00:00:00Z"));
        assertThat(PackChecks.verify(subset.body()).get("items")).hasSize(1);
    }

    @Test
    void packRequestsAreValidated() {
        assertThat(http.postJson("/api/v1/evidence/packs", Map.of("framework", "SOC2", "from", "2030-01-01T00:00:00Z",
                "to", "2030-02-01T00:00:00Z")).code()).isEqualTo("NO_EVIDENCE_IN_PERIOD");
        assertThat(http.postJson("/api/v1/evidence/packs", Map.of("framework", "SOC2", "from", "2025-02-01T00:00:00Z",
                "to", "2025-01-01T00:00:00Z")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.postJson("/api/v1/evidence/packs", Map.of("framework", "NIST800-53", "from", "2025-01-01T00:00:00Z",
                "to", "2025-02-01T00:00:00Z")).code()).isEqualTo("FRAMEWORK_NOT_AVAILABLE");
        assertThat(http.postJson("/api/v1/evidence/packs", Map.of("framework", "SOC2", "controls", List.of("ISO27001:A.5.1"),
                "from", "2025-01-01T00:00:00Z", "to", "2025-02-01T00:00:00Z")).code()).isEqualTo("UNKNOWN_CONTROL");
        assertThat(api.get("/api/v1/evidence/packs/" + UUID.randomUUID()).code()).isEqualTo("EVIDENCE_PACK_NOT_FOUND");
    }

    @Test
    void reportsCoverageAndSignsIt() throws Exception {
        id(api.post("/api/v1/evidence/items", item("scan_result", "Monitoring evidence", List.of("SOC2:CC7.2"),
                "2025-05-05T00:00:00Z")));
        EvidenceHttp.BinaryResponse response = http.postJson("/api/v1/evidence/reports", Map.of("from", "2025-05-01T00:00:00Z",
                "to", "2025-06-01T00:00:00Z", "frameworks", List.of("SOC2")));
        assertThat(response.status()).isEqualTo(200);
        Map<String, byte[]> files = PackChecks.unzip(response.body());
        assertThat(files.keySet()).containsExactly("report.json", "report.pdf", "report.sig", "checkpoint.txt", "keys.txt");

        JsonNode report = JSON.readTree(files.get("report.json"));
        JsonNode soc2 = report.get("frameworks").get(0);
        assertThat(soc2.get("framework").asString()).isEqualTo("SOC2");
        assertThat(soc2.get("controlsWithEvidence").asInt()).isEqualTo(1);
        assertThat(soc2.get("coverage").get(0).get("control").asString()).isEqualTo("SOC2:CC7.2");
        List<String> missing = new ArrayList<>();
        soc2.get("withoutEvidence").forEach(m -> missing.add(m.get("control").asString()));
        assertThat(missing).contains("SOC2:CC6.1").doesNotContain("SOC2:CC7.2");
        assertThat(report.get("auditLog").get("treeSize").asLong()).isPositive();

        List<NoteVerifier> keys = Arrays.stream(new String(files.get("keys.txt"), StandardCharsets.UTF_8).split("\n"))
                .map(NoteVerifier::parse).toList();
        String sig = new String(files.get("report.sig"), StandardCharsets.UTF_8);
        assertThat(SignedNote.verify(sig, keys)).isNotEmpty();
        String sha = EvidencePackWriter.hex(EvidencePackWriter.sha256(files.get("report.json")));
        assertThat(SignedNote.parse(sig).text()).isEqualTo("cloudwarden evidence report\n" + sha + "\n");
        assertThat(SignedNote.verify(new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8), keys)).isNotEmpty();

        String pdf = PackChecks.squash(PackChecks.pdfText(files.get("report.pdf")));
        assertThat(pdf).contains("Complianceevidencereport", "SOC2:CC6.1", sha);
        StoredEntry last = timeline.page(tenant, new AuditTimeline.Filter(null, "evidence.report.generated", null, null,
                null, null, null), null, 1).items().get(0);
        assertThat(last.action()).isEqualTo("evidence.report.generated");
        assertThat(JSON.readTree(last.entry()).get("details").get("sha256").asString()).isEqualTo(sha);
    }

    private StoredEntry entry(long index) {
        return ledger.entry(tenant, index).orElseThrow();
    }

    @Test
    void servesTheControlCatalogue() {
        JsonNode all = api.get("/api/v1/evidence/controls").body();
        Map<String, Boolean> available = new HashMap<>();
        all.forEach(f -> available.put(f.get("id").asString(), f.get("available").asBoolean()));
        assertThat(available).containsEntry("SOC2", true).containsEntry("CIS-AWS-5.0", true).containsEntry("HIPAA", false);
        JsonNode soc2 = api.get("/api/v1/evidence/controls?framework=SOC2").body().get(0);
        assertThat(StreamSupport.stream(soc2.get("controls").spliterator(), false).map(c -> c.get("id").asString()))
                .contains("SOC2:CC6.1", "SOC2:CC8.1");
        assertThat(api.get("/api/v1/evidence/controls?framework=COBIT").code()).isEqualTo("UNKNOWN_FRAMEWORK");
        assertThat(api.anonymous().get("/api/v1/evidence/controls").status()).isEqualTo(401);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from evidence_items", Long.class);
    }

    private static Map<String, Object> item(String kind, String title, List<String> controls, String collectedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("controls", controls);
        if (collectedAt != null) {
            body.put("collectedAt", collectedAt);
        }
        return body;
    }

    private static String id(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private static List<String> ids(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }
}
