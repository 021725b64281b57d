package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bundle (a directory, or a zip of the same paths; detected from the path) as a {@link BundleSource}.
 * {@code log.json}, {@code checkpoints.json}, {@code keys.txt} and {@code anchors.json} are read when the bundle is
 * opened; {@code entries.jsonl} and {@code leaf-hashes.txt} are streamed in lock-step by each pass.
 */
public final class BundleReader implements BundleSource {

    static final String LOG = "log.json";
    static final String ENTRIES = "entries.jsonl";
    static final String LEAF_HASHES = "leaf-hashes.txt";
    static final String CHECKPOINTS = "checkpoints.json";
    static final String KEYS = "keys.txt";
    static final String ANCHORS = "anchors.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BundleFiles files;
    private final LogHeader header;
    private final List<String> checkpoints;
    private final List<String> keys;
    private final List<Anchored> anchors;
    private final boolean storedLeafHashes;

    private BundleReader(BundleFiles files) throws IOException {
        this.files = files;
        this.header = parseHeader(json(LOG));
        this.checkpoints = parseCheckpoints(json(CHECKPOINTS));
        this.keys = new String(files.read(KEYS), StandardCharsets.UTF_8).lines().toList();
        this.anchors = files.exists(ANCHORS) ? parseAnchors(json(ANCHORS)) : List.of();
        this.storedLeafHashes = files.exists(LEAF_HASHES);
        if (!files.exists(ENTRIES)) {
            throw new UnreadableBundleException(ENTRIES + " is missing");
        }
    }

    /**
     * Opens the bundle at {@code path}.
     *
     * @throws UnreadableBundleException when it is not a directory or zip holding a readable bundle
     */
    public static BundleReader open(Path path) throws IOException {
        BundleFiles files = BundleFiles.open(path);
        try {
            return new BundleReader(files);
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    @Override
    public LogHeader header() {
        return header;
    }

    @Override
    public List<String> checkpoints() {
        return checkpoints;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public List<Anchored> anchors() {
        return anchors;
    }

    @Override
    public boolean hasStoredLeafHashes() {
        return storedLeafHashes;
    }

    @Override
    public EntryCursor entries() throws IOException {
        LineReader entries = new LineReader(files.open(ENTRIES));
        LineReader hashes = storedLeafHashes ? new LineReader(files.open(LEAF_HASHES)) : null;
        return new FileCursor(entries, hashes);
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    private JsonNode json(String name) throws IOException {
        try {
            return JSON.readTree(files.read(name));
        } catch (JacksonException e) {
            throw new UnreadableBundleException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static LogHeader parseHeader(JsonNode log) throws UnreadableBundleException {
        if (!log.isObject()) {
            throw new UnreadableBundleException(LOG + " is not a JSON object");
        }
        if (!LogHeader.FORMAT.equals(text(log, "format"))) {
            throw new UnreadableBundleException(LOG + ": format is not " + LogHeader.FORMAT);
        }
        String origin = text(log, "origin");
        String algorithm = text(log, "hashAlgorithm");
        String tenant = text(log, "tenant");
        if (origin == null || algorithm == null || tenant == null) {
            throw new UnreadableBundleException(LOG + " needs string members origin, hashAlgorithm and tenant");
        }
        MerkleHasher hasher;
        try {
            hasher = MerkleHasher.forName(algorithm);
        } catch (IllegalArgumentException e) {
            throw new UnreadableBundleException(LOG + ": " + e.getMessage());
        }
        long firstIndex = count(log, "firstIndex");
        long size = count(log, "size");
        if (size < firstIndex) {
            throw new UnreadableBundleException(LOG + ": size " + size + " is below firstIndex " + firstIndex);
        }
        JsonNode prefixNode = log.get("prefix");
        if (prefixNode == null || !prefixNode.isArray()) {
            throw new UnreadableBundleException(LOG + " needs a prefix array (empty when firstIndex is 0)");
        }
        List<byte[]> prefix = new ArrayList<>();
        for (JsonNode hash : prefixNode) {
            byte[] raw = hash.isString() ? base64(hash.asString()) : null;
            if (raw == null || raw.length != MerkleHasher.HASH_BYTES) {
                throw new UnreadableBundleException(LOG + ": a prefix element is not a base64 32-byte hash");
            }
            prefix.add(raw);
        }
        if (prefix.size() != Long.bitCount(firstIndex)) {
            throw new UnreadableBundleException(LOG + ": firstIndex " + firstIndex + " needs " + Long.bitCount(firstIndex)
                    + " prefix hashes, not " + prefix.size());
        }
        return new LogHeader(origin, hasher, tenant, firstIndex, size, prefix);
    }

    private static List<String> parseCheckpoints(JsonNode array) throws UnreadableBundleException {
        if (!array.isArray()) {
            throw new UnreadableBundleException(CHECKPOINTS + " is not a JSON array");
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode note : array) {
            if (!note.isString()) {
                throw new UnreadableBundleException(CHECKPOINTS + " holds something else than strings");
            }
            notes.add(note.asString());
        }
        return List.copyOf(notes);
    }

    private static List<Anchored> parseAnchors(JsonNode array) throws UnreadableBundleException {
        if (!array.isArray()) {
            throw new UnreadableBundleException(ANCHORS + " is not a JSON array");
        }
        List<Anchored> anchors = new ArrayList<>();
        for (JsonNode a : array) {
            String note = a.isObject() ? text(a, "note") : null;
            if (note == null) {
                throw new UnreadableBundleException(ANCHORS + ": every element needs a string note");
            }
            anchors.add(new Anchored(text(a, "target"), note, text(a, "anchoredAt")));
        }
        return List.copyOf(anchors);
    }

    private static String text(JsonNode object, String member) {
        JsonNode value = object.get(member);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static long count(JsonNode object, String member) throws UnreadableBundleException {
        JsonNode value = object.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new UnreadableBundleException(LOG + ": " + member + " is not a non-negative integer");
        }
        return value.longValue();
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Entries and stored leaf hashes, line by line in lock-step. */
    private static final class FileCursor implements EntryCursor {
        private static final byte[] MALFORMED = new byte[0];

        private final LineReader entries;
        private final LineReader hashes;
        private byte[] stored;

        FileCursor(LineReader entries, LineReader hashes) {
            this.entries = entries;
            this.hashes = hashes;
        }

        @Override
        public boolean next() throws IOException {
            if (!entries.next()) {
                return false;
            }
            stored = null;
            if (hashes != null && hashes.next()) {
                try {
                    ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(hashes.buffer(), hashes.offset(), hashes.length()));
                    stored = new byte[decoded.remaining()];
                    decoded.get(stored);
                } catch (IllegalArgumentException e) {
                    stored = MALFORMED;
                }
            }
            return true;
        }

        @Override
        public byte[] buffer() {
            return entries.buffer();
        }

        @Override
        public int offset() {
            return entries.offset();
        }

        @Override
        public int length() {
            return entries.length();
        }

        @Override
        public boolean terminated() {
            return entries.terminated();
        }

        @Override
        public byte[] storedLeafHash() {
            return stored;
        }

        @Override
        public boolean storedLeafHashesRemain() throws IOException {
            return hashes != null && hashes.next();
        }

        @Override
        public void close() throws IOException {
            try {
                entries.close();
            } finally {
                if (hashes != null) {
                    hashes.close();
                }
            }
        }
    }
}
