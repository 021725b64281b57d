package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.log.InclusionProof;
import io.cloudwarden.evidence.merkle.InvalidProofException;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an evidence pack zip exactly as docs/evidence/formats.md ("Evidence pack") describes, from data
 * already read: the items with their files, each item's inclusion proof, the signed checkpoint those proofs
 * lead to, the verifier keys and a signer for pack.sig. It needs no database and no ledger.
 *
 * <p>It refuses (with {@link EvidenceIntegrityException}) to write a pack that would not verify: the
 * checkpoint must be signed by one of the keys, every proof must be for the checkpoint's tree size and lead
 * to its root, every entry must be the item's ({@code target} {@code evidence:<id>}, {@code details.sha256}
 * equal to the file's hash), every file must hash to its recorded SHA-256, and pack.sig must verify.
 *
 * <p>Zip order: {@code index.json}, {@code files/<item id>/<file name>}, {@code proofs/<log index>.json},
 * {@code checkpoint.txt}, {@code keys.txt}, {@code pack.sig}, {@code summary.pdf}; entry times are the
 * generation time.
 */
public final class EvidencePackWriter {

    /** The format name in index.json. */
    public static final String FORMAT = "cloudwarden-evidence-pack/1";
    /** The first line of the text pack.sig signs; the second is the hex SHA-256 of index.json. */
    public static final String SIGNED_HEADER = "cloudwarden evidence pack";

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Everything a pack holds.
     *
     * @param tenantId       the tenant's id (index.json's {@code tenant})
     * @param tenantName     the tenant's name as the summary shows it, or null
     * @param framework      the framework id or family the pack is for
     * @param scope          the controls the pack covers, in order, with titles
     * @param from           start of the period (inclusive)
     * @param to             end of the period (exclusive)
     * @param checkpointNote the signed checkpoint every proof leads to
     * @param verifierKeys   verifier keys in signed-note text form
     * @param items          the items, in the order index.json lists them
     * @param files          file content by item id, for the items that have a file
     * @param proofs         inclusion proofs by log index, one per item
     */
    public record Input(String tenantId, String tenantName, String framework, String frameworkName,
                        List<ControlCatalogue.Control> scope, Instant from, Instant to, Instant generatedAt,
                        String origin, MerkleHasher hasher, String checkpointNote, List<String> verifierKeys,
                        List<EvidenceItem> items, Map<UUID, byte[]> files, Map<Long, InclusionProof> proofs) {
        public Input {
            scope = List.copyOf(scope);
            verifierKeys = List.copyOf(verifierKeys);
            items = List.copyOf(items);
            files = Map.copyOf(files);
            proofs = Map.copyOf(proofs);
        }
    }

    /**
     * A written pack.
     *
     * @param indexSha256 hex SHA-256 of index.json (the pack hash pack.sig signs)
     * @param zipSha256   hex SHA-256 of the zip
     * @param signature   the content of pack.sig
     * @param treeSize    the checkpoint's tree size
     */
    public record Output(byte[] zip, byte[] indexJson, String indexSha256, String zipSha256, String signature,
                         long treeSize) {
    }

    /** The exact text pack.sig signs for an index.json with this hex SHA-256. */
    public static String signedText(String indexSha256Hex) {
        return SIGNED_HEADER + "\n" + indexSha256Hex + "\n";
    }

    /**
     * Writes the pack.
     *
     * @param signer signs a signed-note text and returns the whole note (the ledger's {@code signNote})
     * @throws EvidenceIntegrityException when the pack would not verify
     */
    public Output write(Input in, UnaryOperator<String> signer) {
        List<NoteVerifier> keys = in.verifierKeys().stream().map(NoteVerifier::parse).toList();
        Checkpoint checkpoint = checkCheckpoint(in, keys);
        MerkleProofs proofs = new MerkleProofs(in.hasher());

        Map<UUID, String> paths = new LinkedHashMap<>();
        for (EvidenceItem item : in.items()) {
            checkItem(in, item, checkpoint, proofs);
            if (item.file() != null) {
                paths.put(item.id(), "files/" + item.id() + "/" + zipName(item.file().name()));
            }
        }

        byte[] index = indexJson(in, checkpoint, paths);
        String indexSha = hex(sha256(index));
        String signature = signer.apply(signedText(indexSha));
        try {
            SignedNote.verify(signature, keys);
            if (!SignedNote.parse(signature).text().equals(signedText(indexSha))) {
                throw new IllegalArgumentException("the signature covers another text");
            }
        } catch (IllegalArgumentException e) {
            throw new EvidenceIntegrityException("pack.sig does not verify with keys.txt: " + e.getMessage());
        }
        byte[] pdf = EvidencePdf.packSummary(summary(in, checkpoint, indexSha, signature));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FileTime time = FileTime.from(in.generatedAt());
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "index.json", index, time);
            for (EvidenceItem item : in.items()) {
                if (item.file() != null) {
                    put(zip, paths.get(item.id()), in.files().get(item.id()), time);
                }
            }
            for (EvidenceItem item : in.items()) {
                put(zip, "proofs/" + item.logIndex() + ".json", proofJson(in.proofs().get(item.logIndex())), time);
            }
            put(zip, "checkpoint.txt", in.checkpointNote().getBytes(StandardCharsets.UTF_8), time);
            put(zip, "keys.txt", lines(in.verifierKeys()), time);
            put(zip, "pack.sig", signature.getBytes(StandardCharsets.UTF_8), time);
            put(zip, "summary.pdf", pdf, time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zipBytes = bytes.toByteArray();
        return new Output(zipBytes, index, indexSha, hex(sha256(zipBytes)), signature, checkpoint.size());
    }

    private static Checkpoint checkCheckpoint(Input in, List<NoteVerifier> keys) {
        try {
            SignedNote.verify(in.checkpointNote(), keys);
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(in.checkpointNote()).text());
            if (!checkpoint.origin().equals(in.origin())) {
                throw new IllegalArgumentException("its origin is " + checkpoint.origin() + ", not " + in.origin());
            }
            if (!checkpoint.hashAlgorithm().equals(in.hasher().standardName())) {
                throw new IllegalArgumentException("it names hash algorithm " + checkpoint.hashAlgorithm());
            }
            return checkpoint;
        } catch (IllegalArgumentException e) {
            throw new EvidenceIntegrityException("the checkpoint does not verify: " + e.getMessage());
        }
    }

    private void checkItem(Input in, EvidenceItem item, Checkpoint checkpoint, MerkleProofs proofs) {
        InclusionProof proof = in.proofs().get(item.logIndex());
        String what = "evidence item " + item.id() + " (log index " + item.logIndex() + ")";
        if (proof == null) {
            throw new EvidenceIntegrityException(what + " has no inclusion proof");
        }
        if (proof.index() != item.logIndex() || proof.treeSize() != checkpoint.size()) {
            throw new EvidenceIntegrityException(what + ": the proof is for index " + proof.index() + " in size "
                    + proof.treeSize() + ", not for the checkpoint's size " + checkpoint.size());
        }
        if (!MessageDigest.isEqual(in.hasher().leafHash(proof.entry()), proof.leafHash())) {
            throw new EvidenceIntegrityException(what + ": the leaf hash is not the hash of the entry");
        }
        try {
            proofs.verifyInclusion(proof.index(), proof.treeSize(), proof.leafHash(), proof.proof(), checkpoint.rootHash());
        } catch (InvalidProofException e) {
            throw new EvidenceIntegrityException(what + ": the inclusion proof does not verify: " + e.getMessage());
        }
        JsonNode entry;
        try {
            entry = json.readTree(proof.entry());
        } catch (RuntimeException e) {
            throw new EvidenceIntegrityException(what + ": the log entry is not JSON");
        }
        if (entry.path("index").asLong(-1) != item.logIndex() || !("evidence:" + item.id()).equals(entry.path("target").asString(""))) {
            throw new EvidenceIntegrityException(what + ": the log entry at that index does not record this item");
        }
        String recorded = entry.path("details").path("sha256").asString("");
        if (item.file() == null) {
            if (!recorded.isEmpty()) {
                throw new EvidenceIntegrityException(what + ": the log entry records a file the item does not have");
            }
            return;
        }
        byte[] content = in.files().get(item.id());
        if (content == null) {
            throw new EvidenceIntegrityException(what + ": its file is missing");
        }
        String actual = hex(sha256(content));
        if (!actual.equals(item.file().sha256()) || !actual.equals(recorded)) {
            throw new EvidenceIntegrityException(what + ": the file's SHA-256 " + actual + " differs from the recorded "
                    + (actual.equals(item.file().sha256()) ? recorded + " in the log entry" : item.file().sha256()));
        }
    }

    private byte[] indexJson(Input in, Checkpoint checkpoint, Map<UUID, String> paths) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("format", FORMAT);
        index.put("tenant", in.tenantId());
        index.put("framework", in.framework());
        index.put("frameworkName", in.frameworkName());
        index.put("controls", in.scope().stream().map(ControlCatalogue.Control::id).toList());
        index.put("period", Map.of("from", in.from().toString(), "to", in.to().toString()));
        index.put("generatedAt", in.generatedAt().toString());
        index.put("origin", in.origin());
        index.put("hashAlgorithm", in.hasher().standardName());
        index.put("treeSize", checkpoint.size());
        List<Map<String, Object>> items = new ArrayList<>();
        for (EvidenceItem item : in.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", item.id().toString());
            i.put("kind", item.kind());
            i.put("title", item.title());
            i.put("controls", item.controls());
            i.put("collectedAt", item.collectedAt().toString());
            i.put("logIndex", item.logIndex());
            if (item.file() != null) {
                i.put("file", paths.get(item.id()));
                i.put("sha256", item.file().sha256());
                i.put("size", item.file().size());
                i.put("mediaType", item.file().mediaType());
            }
            items.add(i);
        }
        index.put("items", items);
        return (json.writeValueAsString(index) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] proofJson(InclusionProof p) {
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("index", p.index());
        proof.put("treeSize", p.treeSize());
        proof.put("entry", new String(p.entry(), StandardCharsets.UTF_8));
        proof.put("leafHash", Base64.getEncoder().encodeToString(p.leafHash()));
        proof.put("proof", p.proof().stream().map(h -> Base64.getEncoder().encodeToString(h)).toList());
        return (json.writeValueAsString(proof) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static EvidencePdf.PackSummary summary(Input in, Checkpoint checkpoint, String indexSha, String signature) {
        List<EvidencePdf.ControlRow> rows = new ArrayList<>();
        for (ControlCatalogue.Control control : in.scope()) {
            List<EvidencePdf.ItemRow> items = in.items().stream().filter(i -> i.controls().contains(control.id()))
                    .map(i -> new EvidencePdf.ItemRow(i.title(), i.kind(), i.collectedAt(), i.logIndex())).toList();
            rows.add(new EvidencePdf.ControlRow(control.id(), control.title(), items));
        }
        String tenant = in.tenantName() == null ? in.tenantId() : in.tenantName() + " (" + in.tenantId() + ")";
        return new EvidencePdf.PackSummary(tenant, in.framework(), Objects.requireNonNullElse(in.frameworkName(), ""),
                in.from(), in.to(), in.generatedAt(), rows, in.items().size(), checkpoint.origin(), checkpoint.size(),
                Base64.getEncoder().encodeToString(checkpoint.rootHash()), in.hasher().standardName(),
                in.checkpointNote(), in.verifierKeys(), indexSha, signature);
    }

    /** A file name safe as the last segment of a zip path (no separators, no dot-only names). */
    static String zipName(String name) {
        String clean = name.replace('/', '_').replace('\\', '_');
        return clean.isBlank() || clean.chars().allMatch(c -> c == '.') ? "evidence.bin" : clean;
    }

    private static void put(ZipOutputStream zip, String path, byte[] content, FileTime time) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] lines(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
