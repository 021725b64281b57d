package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.InvalidProofException;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.verify.VerificationProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an evidence pack ({@code docs/evidence/formats.md}, "Evidence pack"; a zip, or a directory of the same
 * paths): {@code pack.sig} is signed by the origin's key in {@code keys.txt} and signs the SHA-256 of
 * {@code index.json}; {@code checkpoint.txt} is a signed checkpoint of the log for {@code treeSize}; every item's
 * file has the SHA-256 that {@code index.json} and the entry's {@code details.sha256} give; every item's entry hashes
 * to the proof's leaf hash, has the item's {@code logIndex} and the log's tenant, and its inclusion proof leads to
 * the checkpoint's root.
 */
public final class PackVerifier {

    /** The first line of the text {@code pack.sig} signs. */
    public static final String PACK_SIGNATURE_HEADER = "cloudwarden evidence pack\n";

    static final String INDEX = "index.json";
    static final String SIGNATURE = "pack.sig";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String KEYS = "keys.txt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Whether {@code path} is a directory or zip holding an evidence pack ({@code index.json} and {@code pack.sig}). */
    public static boolean isEvidencePack(Path path) {
        try (BundleFiles files = BundleFiles.open(path)) {
            return files.exists(INDEX) && files.exists(SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    /** Verifies the pack at {@code pack}; an unreadable pack gives a report with an UNREADABLE problem. */
    public PackReport verify(Path pack) {
        try (BundleFiles files = BundleFiles.open(pack)) {
            return new Run(files).run();
        } catch (IOException e) {
            return new PackReport(false, null, null, 0, 0, 0, 0, List.of(), null,
                    List.of(new VerificationProblem(Kind.UNREADABLE, null, e.getMessage())));
        }
    }

    /** The state of one pack verification. */
    private static final class Run {
        private final BundleFiles files;
        private final ProblemList problems = new ProblemList(LogVerifier.MAX_PROBLEMS);
        private final Set<String> keysUsed = new LinkedHashSet<>();
        private String origin;
        private MerkleHasher hasher;
        private long treeSize;
        private byte[] root;
        private int filesChecked;
        private int proofsChecked;

        Run(BundleFiles files) {
            this.files = files;
        }

        PackReport run() throws IOException {
            byte[] indexBytes = files.read(INDEX);
            JsonNode index = json(indexBytes, INDEX);
            origin = text(index, "origin");
            String algorithm = text(index, "hashAlgorithm");
            JsonNode size = index.get("treeSize");
            JsonNode items = index.get("items");
            if (origin == null || algorithm == null || size == null || !size.canConvertToLong() || size.longValue() < 0
                    || items == null || !items.isArray()) {
                throw new UnreadableBundleException(INDEX + " needs origin, hashAlgorithm, treeSize and items");
            }
            try {
                hasher = MerkleHasher.forName(algorithm);
            } catch (IllegalArgumentException e) {
                throw new UnreadableBundleException(INDEX + ": " + e.getMessage());
            }
            treeSize = size.longValue();
            List<String> malformed = new ArrayList<>();
            List<NoteVerifier> keys = NoteChecks.parseKeys(new String(files.read(KEYS), StandardCharsets.UTF_8).lines().toList(), malformed);
            malformed.forEach(m -> problems.add(Kind.MALFORMED, null, m));
            checkPackSignature(indexBytes, keys);
            checkCheckpoint(keys);
            for (JsonNode item : items) {
                checkItem(item);
            }
            return new PackReport(problems.isEmpty(), origin, hasher.standardName(), treeSize, items.size(), filesChecked,
                    proofsChecked, List.copyOf(keysUsed), problems.firstBadIndex(), problems.list());
        }

        private void checkPackSignature(byte[] indexBytes, List<NoteVerifier> keys) throws IOException {
            NoteChecks.Checked sig = NoteChecks.verify(new String(files.read(SIGNATURE), StandardCharsets.UTF_8), origin, keys);
            if (!sig.ok()) {
                problems.add(sig.failure().kind(), null, SIGNATURE + ": " + sig.failure().message());
                return;
            }
            sig.keys().forEach(k -> keysUsed.add(k.encoded()));
            String expected = PACK_SIGNATURE_HEADER + HexFormat.of().formatHex(sha256().digest(indexBytes)) + "\n";
            if (!sig.text().equals(expected)) {
                problems.add(Kind.INDEX_HASH_MISMATCH, null, SIGNATURE + " signs '" + sig.text().strip().replace('\n', ' ')
                        + "' but index.json hashes to " + expected.strip().replace('\n', ' ') + ": index.json was modified");
            }
        }

        private void checkCheckpoint(List<NoteVerifier> keys) throws IOException {
            NoteChecks.CheckedCheckpoint c = NoteChecks.checkpoint(new String(files.read(CHECKPOINT), StandardCharsets.UTF_8),
                    origin, hasher, keys);
            if (!c.ok()) {
                problems.add(c.failure().kind(), null, CHECKPOINT + ": " + c.failure().message());
                return;
            }
            c.keys().forEach(k -> keysUsed.add(k.encoded()));
            if (c.checkpoint().size() != treeSize) {
                problems.add(Kind.TREE_SIZE_MISMATCH, null, CHECKPOINT + " is for size " + c.checkpoint().size()
                        + " but index.json says treeSize " + treeSize);
                return;
            }
            root = c.checkpoint().rootHash();
        }

        private void checkItem(JsonNode item) throws IOException {
            String id = text(item, "id");
            JsonNode logIndexNode = item.get("logIndex");
            if (!item.isObject() || logIndexNode == null || !logIndexNode.isIntegralNumber() || !logIndexNode.canConvertToLong()
                    || logIndexNode.longValue() < 0) {
                problems.add(Kind.MALFORMED, null, "index.json: item " + id + " has no logIndex");
                return;
            }
            long logIndex = logIndexNode.longValue();
            String label = "item " + id + " (entry " + logIndex + ")";
            String fileHash = null;
            String file = text(item, "file");
            if (file != null) {
                fileHash = checkFile(label, logIndex, file, text(item, "sha256"));
            }
            String proofName = "proofs/" + logIndex + ".json";
            if (!files.exists(proofName)) {
                problems.add(Kind.MISSING_FILE, logIndex, label + ": " + proofName + " is missing");
                return;
            }
            JsonNode proof;
            try {
                proof = json(files.read(proofName), proofName);
            } catch (UnreadableBundleException e) {
                problems.add(Kind.MALFORMED, logIndex, label + ": " + e.getMessage());
                return;
            }
            checkProof(label, logIndex, proofName, proof, file, fileHash);
        }

        /** Checks a file against index.json; returns its SHA-256 (hex), or null when it is missing. */
        private String checkFile(String label, long logIndex, String file, String declared) throws IOException {
            if (file.startsWith("/") || file.contains("..") || file.contains("\\") || !files.exists(file)) {
                problems.add(Kind.MISSING_FILE, logIndex, label + ": the file " + file + " is not in the pack");
                return null;
            }
            MessageDigest sha = sha256();
            try (InputStream in = files.open(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
            }
            filesChecked++;
            String actual = HexFormat.of().formatHex(sha.digest());
            if (declared == null || !declared.equalsIgnoreCase(actual)) {
                problems.add(Kind.FILE_HASH_MISMATCH, logIndex, label + ": " + file + " has SHA-256 " + actual + " but index.json says "
                        + (declared == null ? "nothing" : declared));
            }
            return actual;
        }

        private void checkProof(String label, long logIndex, String proofName, JsonNode proof, String file, String fileHash) {
            String entry = text(proof, "entry");
            byte[] leafHash = base64(text(proof, "leafHash"));
            JsonNode path = proof.get("proof");
            if (entry == null || leafHash == null || path == null || !path.isArray()
                    || !integral(proof.get("index")) || !integral(proof.get("treeSize"))) {
                problems.add(Kind.MALFORMED, logIndex, label + ": " + proofName + " needs index, treeSize, entry, leafHash and proof");
                return;
            }
            proofsChecked++;
            if (proof.get("index").longValue() != logIndex) {
                problems.add(Kind.INDEX_MISMATCH, logIndex, label + ": " + proofName + " proves index " + proof.get("index").longValue());
            }
            if (proof.get("treeSize").longValue() != treeSize) {
                problems.add(Kind.TREE_SIZE_MISMATCH, logIndex, label + ": " + proofName + " is for tree size "
                        + proof.get("treeSize").longValue() + ", not " + treeSize);
            }
            byte[] entryBytes = entry.getBytes(StandardCharsets.UTF_8);
            byte[] leaf = hasher.leafHash(entryBytes);
            if (!MessageDigest.isEqual(leaf, leafHash)) {
                problems.add(Kind.MODIFIED_ENTRY, logIndex, label + ": the entry does not hash to the proof's leafHash");
            }
            EntryFields fields = new EntryFields();
            String error = fields.parse(entryBytes, 0, entryBytes.length);
            if (error != null) {
                problems.add(Kind.UNPARSABLE_ENTRY, logIndex, label + ": the entry does not parse: " + error);
            } else {
                if (fields.index != logIndex) {
                    problems.add(Kind.INDEX_MISMATCH, logIndex, label + ": the entry has index " + fields.index);
                }
                if (!origin.endsWith("/" + fields.tenant)) {
                    problems.add(Kind.WRONG_TENANT, logIndex, label + ": the entry is of tenant " + fields.tenant
                            + ", not of the log " + origin);
                }
            }
            if (file != null && fileHash != null) {
                JsonNode details = json(entryBytes).get("details");
                String recorded = details != null ? text(details, "sha256") : null;
                if (recorded == null || !recorded.equalsIgnoreCase(fileHash)) {
                    problems.add(Kind.FILE_HASH_MISMATCH, logIndex, label + ": " + file + " has SHA-256 " + fileHash
                            + " but the logged entry records " + (recorded == null ? "no details.sha256" : recorded));
                }
            }
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode p : path) {
                byte[] h = base64(p.isString() ? p.asString() : null);
                if (h == null) {
                    problems.add(Kind.BAD_PROOF, logIndex, label + ": a proof element is not base64");
                    return;
                }
                hashes.add(h);
            }
            if (root != null) {
                try {
                    new MerkleProofs(hasher).verifyInclusion(logIndex, treeSize, leaf, hashes, root);
                } catch (InvalidProofException e) {
                    problems.add(Kind.BAD_PROOF, logIndex, label + ": the inclusion proof does not verify against the signed "
                            + "checkpoint of size " + treeSize + ": " + e.getMessage());
                }
            }
        }

        private static JsonNode json(byte[] bytes, String name) throws UnreadableBundleException {
            try {
                return JSON.readTree(bytes);
            } catch (JacksonException e) {
                throw new UnreadableBundleException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }

        /** Parses an entry that already parsed as an object; an unparsable one has no details. */
        private static JsonNode json(byte[] entry) {
            try {
                return JSON.readTree(entry);
            } catch (JacksonException e) {
                return JSON.createObjectNode();
            }
        }

        private static boolean integral(JsonNode value) {
            return value != null && value.isIntegralNumber() && value.canConvertToLong();
        }

        private static String text(JsonNode object, String member) {
            JsonNode value = object.get(member);
            return value != null && value.isString() ? value.asString() : null;
        }

        private static byte[] base64(String s) {
            if (s == null) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
