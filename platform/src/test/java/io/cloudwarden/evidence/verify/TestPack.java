package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evidence pack for tests, as {@code docs/evidence/formats.md} describes it: a log of 20 entries, three items
 * (entries 3 and 7 with files whose hash the entries record, entry 5 without a file), proofs against the signed
 * checkpoint of size 20. The contents stay editable until {@link #writeZip(Path)}.
 */
public final class TestPack {

    static final int TREE_SIZE = 20;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final TestLog log;
    final Map<String, byte[]> contents = new LinkedHashMap<>();

    public TestPack() {
        byte[] file3 = "{\"mfa\":\"enforced\",\"users\":42}".getBytes(StandardCharsets.UTF_8);
        byte[] file7 = "account,encrypted\n123456789012,true\n".getBytes(StandardCharsets.UTF_8);
        log = TestLog.create(MerkleHasher.SHA_256, TREE_SIZE, Map.of(3, sha256(file3), 7, sha256(file7)));
        contents.put("files/mfa.json", file3);
        contents.put("files/encryption.csv", file7);
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("mfa", 3, "files/mfa.json", file3));
        items.add(item("encryption", 7, "files/encryption.csv", file7));
        items.add(item("login", 5, null, null));
        MerkleTree tree = new MerkleTree(log.hasher, i -> log.leaves.get((int) i));
        for (int index : List.of(3, 5, 7)) {
            Map<String, Object> proof = new LinkedHashMap<>();
            proof.put("index", index);
            proof.put("treeSize", TREE_SIZE);
            proof.put("entry", log.entries.get(index));
            proof.put("leafHash", Base64.getEncoder().encodeToString(log.leaves.get(index)));
            proof.put("proof", tree.inclusionProof(index, TREE_SIZE).stream().map(h -> Base64.getEncoder().encodeToString(h)).toList());
            contents.put("proofs/" + index + ".json", JSON.writeValueAsBytes(proof));
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("framework", "SOC2");
        index.put("controls", List.of("CC6.1", "CC6.7"));
        index.put("period", Map.of("from", "2026-10-01", "to", "2026-10-31"));
        index.put("generatedAt", "2026-11-22T10:00:00.000Z");
        index.put("origin", log.origin);
        index.put("hashAlgorithm", log.hasher.standardName());
        index.put("treeSize", TREE_SIZE);
        index.put("items", items);
        contents.put("index.json", JSON.writeValueAsBytes(index));
        contents.put("checkpoint.txt", log.checkpoint(TREE_SIZE).getBytes(StandardCharsets.UTF_8));
        contents.put("keys.txt", (log.signer.verifier().encoded() + "\n").getBytes(StandardCharsets.UTF_8));
        signIndex(log.signer);
        contents.put("summary.pdf", "%PDF-1.7 summary".getBytes(StandardCharsets.UTF_8));
    }

    /** (Re)writes pack.sig over the current index.json. */
    void signIndex(NoteSigner signer) {
        String text = PackVerifier.PACK_SIGNATURE_HEADER + sha256(contents.get("index.json")) + "\n";
        contents.put("pack.sig", SignedNote.sign(text, signer).getBytes(StandardCharsets.UTF_8));
    }

    String text(String name) {
        return new String(contents.get(name), StandardCharsets.UTF_8);
    }

    public void put(String name, String content) {
        contents.put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path writeZip(Path dir) throws IOException {
        Path zip = dir.resolve("pack.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : contents.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    private static Map<String, Object> item(String id, int logIndex, String file, byte[] content) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("kind", file == null ? "log-entry" : "file");
        item.put("title", "Evidence " + id);
        item.put("controls", List.of("CC6.1"));
        item.put("logIndex", logIndex);
        if (file != null) {
            item.put("file", file);
            item.put("sha256", sha256(content));
        }
        return item;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
