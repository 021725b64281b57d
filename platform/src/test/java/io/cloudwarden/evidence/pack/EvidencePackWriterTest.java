package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.log.AppendReceipt;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.evidence.log.InclusionProof;
import io.cloudwarden.evidence.log.LogInfo;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pack layout of docs/evidence/formats.md, without a database: entries are appended to a test ledger
 * built on the reference MerkleTree and a generated NoteSigner key, and the zip is checked as an auditor would.
 */
class EvidencePackWriterTest {

    static final ControlCatalogue CATALOGUE = ControlCatalogue.load();
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant GENERATED = Instant.parse("2026-04-02T09:30:00Z");

    final EvidencePackWriter writer = new EvidencePackWriter();
    InMemoryLedgerForPackTests ledger;
    TenantId tenant;
    List<EvidenceItem> items;
    Map<UUID, byte[]> files;

    @BeforeEach
    void recordItems() {
        ledger = new InMemoryLedgerForPackTests();
        tenant = TenantId.random();
        items = new ArrayList<>();
        files = new HashMap<>();
        noise(3);
        record("Quarterly access review", "access_review", List.of("SOC2:CC6.1", "SOC2:CC6.2"),
                "reviewer,user,decision\nalice,bob,keep\n".getBytes(StandardCharsets.UTF_8), "review.csv");
        noise(2);
        record("Change board minutes <b>& \"approval\"</b>", "approval", List.of("SOC2:CC8.1"), null, null);
        record("Vulnerability scan", "scan_result", List.of("SOC2:CC7.1", "ISO27001:A.8.8"),
                new byte[] {0, 1, 2, 3, (byte) 0xff}, "scan.bin");
        noise(4);
    }

    @Test
    void writesExactlyTheDocumentedLayoutAndEverythingVerifies() throws Exception {
        EvidencePackWriter.Output out = writer.write(input(checkpoint()), signer());

        JsonNode index = PackChecks.verify(out.zip());
        assertThat(index.path("framework").asString()).isEqualTo("SOC2");
        assertThat(index.path("tenant").asString()).isEqualTo(tenant.toString());
        assertThat(index.path("period").path("from").asString()).isEqualTo(FROM.toString());
        assertThat(index.path("period").path("to").asString()).isEqualTo(TO.toString());
        assertThat(index.path("generatedAt").asString()).isEqualTo(GENERATED.toString());
        assertThat(index.path("origin").asString()).isEqualTo(InMemoryLedgerForPackTests.origin(tenant));
        assertThat(index.path("hashAlgorithm").asString()).isEqualTo("SHA-256");
        assertThat(index.path("treeSize").asLong()).isEqualTo(ledger.log(tenant).treeSize()).isEqualTo(out.treeSize());
        assertThat(index.path("controls").toString()).contains("SOC2:CC6.1", "SOC2:CC8.1");
        assertThat(index.path("items")).hasSize(3);
        JsonNode first = index.path("items").get(0);
        assertThat(first.path("id").asString()).isEqualTo(items.get(0).id().toString());
        assertThat(first.path("kind").asString()).isEqualTo("access_review");
        assertThat(first.path("file").asString()).isEqualTo("files/" + items.get(0).id() + "/review.csv");
        assertThat(first.path("logIndex").asLong()).isEqualTo(3);
        assertThat(index.path("items").get(1).has("file")).isFalse();
        assertThat(index.path("items").get(1).has("sha256")).isFalse();

        Map<String, byte[]> entries = PackChecks.unzip(out.zip());
        assertThat(out.indexJson()).isEqualTo(entries.get("index.json"));
        assertThat(out.indexSha256()).isEqualTo(EvidencePackWriter.hex(EvidencePackWriter.sha256(entries.get("index.json"))));
        assertThat(out.zipSha256()).isEqualTo(EvidencePackWriter.hex(EvidencePackWriter.sha256(out.zip())));
        assertThat(new String(entries.get("pack.sig"), StandardCharsets.UTF_8)).isEqualTo(out.signature());
        JsonNode proof = tools.jackson.databind.json.JsonMapper.builder().build().readTree(entries.get("proofs/3.json"));
        assertThat(proof.propertyNames()).containsExactly("index", "treeSize", "entry", "leafHash", "proof");
    }

    @Test
    void summaryPdfCarriesTheKeyFactsAndTheSignatureBlock() throws Exception {
        StoredCheckpoint checkpoint = checkpoint();
        EvidencePackWriter.Output out = writer.write(input(checkpoint), signer());
        String text = PackChecks.pdfText(PackChecks.unzip(out.zip()).get("summary.pdf"));
        String flat = PackChecks.squash(text);

        assertThat(text).contains("Evidence pack: SOC2", "Test Tenant (" + tenant + ")", "2026-01-01 00:00:00 UTC", "2026-04-01 00:00:00 UTC",
                "2026-04-02 09:30:00 UTC", "Quarterly access review", "access_review", "Vulnerability scan");
        assertThat(text).contains("Change board minutes <b>& \"approval\"</b>");
        assertThat(flat).contains("SOC2:CC6.1", "SOC2:CC8.1", "SOC2:CC7.1");
        assertThat(flat).contains(PackChecks.squash(InMemoryLedgerForPackTests.origin(tenant)));
        assertThat(flat).contains("Treesize" + checkpoint.treeSize());
        assertThat(flat).contains("Roothash(base64)" + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        assertThat(flat).contains("PackSHA-256(index.json)" + out.indexSha256());
        String signatureLine = out.signature().substring(out.signature().indexOf("\u2014"));
        assertThat(flat).contains(PackChecks.squash(signatureLine));
        assertThat(flat).contains(PackChecks.squash(ledger.verifierKeys(tenant).get(0)));
        assertThat(text).contains("./cloudwarden verify-log pack.zip");
    }

    @Test
    void refusesAFileThatDoesNotMatchItsRecordedHash() {
        files.put(items.get(0).id(), "tampered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> writer.write(input(checkpoint()), signer()))
                .isInstanceOf(EvidenceIntegrityException.class).hasMessageContaining("SHA-256");
    }

    @Test
    void refusesProofsOfAnotherTreeSize() {
        StoredCheckpoint early = ledger.checkpointNow(tenant);
        noise(1);
        StoredCheckpoint late = ledger.checkpointNow(tenant);
        EvidencePackWriter.Input mixed = input(late);
        Map<Long, InclusionProof> proofs = new HashMap<>(mixed.proofs());
        long last = items.get(2).logIndex();
        proofs.put(last, ledger.inclusionProof(tenant, last, early.treeSize()));
        assertThatThrownBy(() -> writer.write(withProofs(mixed, proofs), signer()))
                .isInstanceOf(EvidenceIntegrityException.class).hasMessageContaining("checkpoint's size");
    }

    @Test
    void refusesAnEntryThatRecordsSomethingElse() {
        EvidencePackWriter.Input in = input(checkpoint());
        Map<Long, InclusionProof> proofs = new HashMap<>(in.proofs());
        InclusionProof other = ledger.inclusionProof(tenant, 0, in.proofs().get(3L).treeSize());
        proofs.put(3L, new InclusionProof(3, other.treeSize(), other.entry(), other.leafHash(), other.proof(), other.rootHash()));
        assertThatThrownBy(() -> writer.write(withProofs(in, proofs), signer()))
                .isInstanceOf(EvidenceIntegrityException.class);
    }

    @Test
    void refusesASignatureByAKeyNotInKeysTxt() {
        NoteSigner stranger = NoteSigner.generate(InMemoryLedgerForPackTests.origin(tenant));
        assertThatThrownBy(() -> writer.write(input(checkpoint()), text -> SignedNote.sign(text, stranger)))
                .isInstanceOf(EvidenceIntegrityException.class).hasMessageContaining("pack.sig");
    }

    private StoredCheckpoint checkpoint() {
        return ledger.checkpointNow(tenant);
    }

    private UnaryOperator<String> signer() {
        return text -> ledger.signNote(tenant, text);
    }

    private EvidencePackWriter.Input input(StoredCheckpoint checkpoint) {
        Map<Long, InclusionProof> proofs = new HashMap<>();
        for (EvidenceItem item : items) {
            proofs.put(item.logIndex(), ledger.inclusionProof(tenant, item.logIndex(), checkpoint.treeSize()));
        }
        LogInfo log = ledger.log(tenant);
        ControlCatalogue.Framework soc2 = CATALOGUE.framework("SOC2").orElseThrow();
        return new EvidencePackWriter.Input(tenant.toString(), "Test Tenant", "SOC2", soc2.name(), soc2.controls(), FROM, TO,
                GENERATED, log.origin(), log.hasher(), checkpoint.note(), ledger.verifierKeys(tenant), items, files, proofs);
    }

    private static EvidencePackWriter.Input withProofs(EvidencePackWriter.Input in, Map<Long, InclusionProof> proofs) {
        return new EvidencePackWriter.Input(in.tenantId(), in.tenantName(), in.framework(), in.frameworkName(), in.scope(), in.from(), in.to(),
                in.generatedAt(), in.origin(), in.hasher(), in.checkpointNote(), in.verifierKeys(), in.items(), in.files(), proofs);
    }

    private void record(String title, String kind, List<String> controls, byte[] content, String fileName) {
        UUID id = UUID.randomUUID();
        Instant at = FROM.plusSeconds(86_400L * (items.size() + 1));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("title", title);
        details.put("controls", controls);
        EvidenceItem.FileInfo file = null;
        if (content != null) {
            String sha = EvidencePackWriter.hex(EvidencePackWriter.sha256(content));
            file = new EvidenceItem.FileInfo(fileName, "application/octet-stream", content.length, sha);
            details.put("fileName", fileName);
            details.put("size", (long) content.length);
            details.put("sha256", sha);
            files.put(id, content);
        }
        AppendReceipt receipt = ledger.append(new AuditRecord(tenant, at, "user:test", "evidence.item.recorded",
                AuditableEvent.Outcome.SUCCESS, "evidence:" + id, "127.0.0.1", details));
        items.add(new EvidenceItem(id, kind, title, null, controls, at, null, null, receipt.index(), file, "user:test", at));
    }

    private void noise(int n) {
        for (int i = 0; i < n; i++) {
            ledger.append(new AuditRecord(tenant, FROM, "system", "identity.login.succeeded",
                    AuditableEvent.Outcome.SUCCESS, "user:" + i, null, Map.of("username", "u" + i)));
        }
    }
}
