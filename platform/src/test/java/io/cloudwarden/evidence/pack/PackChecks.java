package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a pack zip the way docs/evidence/formats.md ("Evidence pack") says an auditor does, independently of
 * {@link EvidencePackWriter}: exact file set, pack.sig over the index hash with keys.txt, the checkpoint's
 * signature, every proof against the checkpoint's root, every file against index.json and its entry.
 */
final class PackChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PackChecks() {
    }

    /** Reads a zip's entries in order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Verifies the whole pack and returns its parsed index.json. */
    static JsonNode verify(byte[] zip) throws Exception {
        Map<String, byte[]> files = unzip(zip);
        JsonNode index = JSON.readTree(files.get("index.json"));
        assertThat(index.path("format").asString()).isEqualTo("cloudwarden-evidence-pack/1");

        List<String> expected = new ArrayList<>(List.of("index.json"));
        for (JsonNode item : index.path("items")) {
            if (item.has("file")) {
                expected.add(item.path("file").asString());
            }
        }
        for (JsonNode item : index.path("items")) {
            expected.add("proofs/" + item.path("logIndex").asLong() + ".json");
        }
        expected.addAll(List.of("checkpoint.txt", "keys.txt", "pack.sig", "summary.pdf"));
        assertThat(files.keySet()).containsExactlyElementsOf(expected);

        List<NoteVerifier> keys = Arrays.stream(new String(files.get("keys.txt"), StandardCharsets.UTF_8).split("\n"))
                .filter(l -> !l.isBlank()).map(NoteVerifier::parse).toList();
        String indexSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get("index.json")));
        String sig = new String(files.get("pack.sig"), StandardCharsets.UTF_8);
        assertThat(SignedNote.verify(sig, keys)).isNotEmpty();
        assertThat(SignedNote.parse(sig).text()).isEqualTo("cloudwarden evidence pack\n" + indexSha + "\n");

        String note = new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8);
        assertThat(SignedNote.verify(note, keys)).contains(index.path("origin").asString());
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
        assertThat(checkpoint.origin()).isEqualTo(index.path("origin").asString());
        assertThat(checkpoint.size()).isEqualTo(index.path("treeSize").asLong());
        MerkleHasher hasher = MerkleHasher.forName(index.path("hashAlgorithm").asString());
        assertThat(checkpoint.hashAlgorithm()).isEqualTo(hasher.standardName());
        MerkleProofs proofs = new MerkleProofs(hasher);

        for (JsonNode item : index.path("items")) {
            long logIndex = item.path("logIndex").asLong();
            JsonNode proof = JSON.readTree(files.get("proofs/" + logIndex + ".json"));
            assertThat(proof.path("index").asLong()).isEqualTo(logIndex);
            assertThat(proof.path("treeSize").asLong()).isEqualTo(checkpoint.size());
            byte[] entryBytes = proof.path("entry").asString().getBytes(StandardCharsets.UTF_8);
            byte[] leaf = Base64.getDecoder().decode(proof.path("leafHash").asString());
            assertThat(hasher.leafHash(entryBytes)).isEqualTo(leaf);
            List<byte[]> path = new ArrayList<>();
            proof.path("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asString())));
            proofs.verifyInclusion(logIndex, checkpoint.size(), leaf, path, checkpoint.rootHash());

            JsonNode entry = JSON.readTree(entryBytes);
            assertThat(entry.path("index").asLong()).isEqualTo(logIndex);
            assertThat(entry.path("action").asString()).isEqualTo("evidence.item.recorded");
            assertThat(entry.path("target").asString()).isEqualTo("evidence:" + item.path("id").asString());
            if (item.has("file")) {
                byte[] content = files.get(item.path("file").asString());
                String fileSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                assertThat(fileSha).isEqualTo(item.path("sha256").asString());
                assertThat(entry.path("details").path("sha256").asString()).isEqualTo(fileSha);
                assertThat(entry.path("details").path("size").asLong()).isEqualTo(content.length);
            } else {
                assertThat(entry.path("details").has("sha256")).isFalse();
            }
        }
        assertThat(new String(files.get("summary.pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        return index;
    }

    /** The text of a PDF, as PDFBox extracts it. */
    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Text without any whitespace, so wrapped lines (long hashes, signatures) compare whole. */
    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
