package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a bundle ({@code docs/evidence/formats.md}) as a directory or a zip of the same paths, streaming: entries
 * go straight to {@code entries.jsonl} (and their stored leaf hashes to {@code leaf-hashes.txt}), so millions of
 * entries never sit in memory. {@code log.json} is written on {@link #close()}, when the size is known. In a zip,
 * whose members are written one at a time, {@code leaf-hashes.txt} is spooled to a temporary file meanwhile.
 * Not thread-safe.
 */
public final class BundleWriter implements Closeable {

    /** The container the bundle is written as. */
    public enum Format {
        /** A directory holding the bundle's files. */
        DIRECTORY,
        /** A zip file of the same paths. */
        ZIP
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BUFFER = 1 << 16;

    private final Path target;
    private final Format format;
    private final String origin;
    private final MerkleHasher hasher;
    private final String tenant;
    private final long firstIndex;
    private final List<byte[]> prefix;
    private final ZipOutputStream zip;
    private final OutputStream entries;
    private OutputStream leafHashes;
    private Path leafHashSpool;
    private Boolean withLeafHashes;
    private long count;
    private List<String> checkpoints = List.of();
    private List<String> keys = List.of();
    private List<Anchored> anchors;
    private boolean closed;

    private BundleWriter(Path target, Format format, String origin, MerkleHasher hasher, String tenant, long firstIndex,
                         List<byte[]> prefix) throws IOException {
        this.target = target;
        this.format = format;
        this.origin = origin;
        this.hasher = hasher;
        this.tenant = tenant;
        this.firstIndex = firstIndex;
        this.prefix = prefix.stream().map(byte[]::clone).toList();
        if (format == Format.ZIP) {
            zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), BUFFER));
            zip.putNextEntry(new ZipEntry(BundleReader.ENTRIES));
            entries = zip;
        } else {
            Files.createDirectories(target);
            try (var existing = Files.list(target)) {
                if (existing.findAny().isPresent()) {
                    throw new IOException(target + " is not empty");
                }
            }
            zip = null;
            entries = new BufferedOutputStream(Files.newOutputStream(target.resolve(BundleReader.ENTRIES)), BUFFER);
        }
    }

    /**
     * Starts a bundle at {@code target} (a new zip file, or an empty or new directory).
     *
     * @param firstIndex the index of the first entry that will be written
     * @param prefix     the compact range of {@code [0, firstIndex)} (see {@link CompactRange#hashes()})
     */
    public static BundleWriter open(Path target, Format format, String origin, MerkleHasher hasher, String tenant,
                                    long firstIndex, List<byte[]> prefix) throws IOException {
        if (firstIndex < 0 || prefix.size() != Long.bitCount(firstIndex)) {
            throw new IllegalArgumentException("firstIndex " + firstIndex + " needs " + Long.bitCount(Math.max(0, firstIndex))
                    + " prefix hashes, not " + prefix.size());
        }
        return new BundleWriter(target, format, origin, hasher, tenant, firstIndex, prefix);
    }

    /**
     * Appends the next entry.
     *
     * @param canonicalEntry the exact bytes that were hashed (canonical JSON, no newline)
     * @param storedLeafHash the leaf hash the ledger stored for it, or {@code null}; either every entry has one
     *                       (and {@code leaf-hashes.txt} is written) or none has
     */
    public void entry(byte[] canonicalEntry, byte[] storedLeafHash) throws IOException {
        checkOpen();
        for (byte b : canonicalEntry) {
            if (b == '\n') {
                throw new IllegalArgumentException("an entry cannot contain a newline");
            }
        }
        boolean has = storedLeafHash != null;
        if (withLeafHashes == null) {
            withLeafHashes = has;
            if (has) {
                leafHashes = format == Format.ZIP
                        ? new BufferedOutputStream(Files.newOutputStream(leafHashSpool = Files.createTempFile("leaf-hashes", ".txt")), BUFFER)
                        : new BufferedOutputStream(Files.newOutputStream(target.resolve(BundleReader.LEAF_HASHES)), BUFFER);
            }
        } else if (withLeafHashes != has) {
            throw new IllegalArgumentException("either every entry has a stored leaf hash or none has");
        }
        entries.write(canonicalEntry);
        entries.write('\n');
        if (has) {
            leafHashes.write(Base64.getEncoder().encode(storedLeafHash));
            leafHashes.write('\n');
        }
        count++;
    }

    /** The signed checkpoint notes, ascending tree size. */
    public void checkpoints(List<String> notes) {
        checkOpen();
        checkpoints = List.copyOf(notes);
    }

    /** The verifier keys, one per line of {@code keys.txt}. */
    public void keys(List<String> verifierKeys) {
        checkOpen();
        keys = List.copyOf(verifierKeys);
    }

    /** The anchored checkpoints; {@code anchors.json} is written only when this is called. */
    public void anchors(List<Anchored> anchored) {
        checkOpen();
        anchors = List.copyOf(anchored);
    }

    /** The number of entries written so far. */
    public long entries() {
        return count;
    }

    /** Finishes the files: {@code log.json} with the size reached, checkpoints, keys and anchors. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (leafHashes != null) {
                leafHashes.close();
            }
            if (zip != null) {
                zip.closeEntry();
                if (leafHashSpool != null) {
                    zip.putNextEntry(new ZipEntry(BundleReader.LEAF_HASHES));
                    Files.copy(leafHashSpool, zip);
                    zip.closeEntry();
                }
            } else {
                entries.close();
            }
            write(BundleReader.LOG, JSON.writeValueAsBytes(header()));
            write(BundleReader.CHECKPOINTS, JSON.writeValueAsBytes(checkpoints));
            StringBuilder keyLines = new StringBuilder();
            keys.forEach(k -> keyLines.append(k).append('\n'));
            write(BundleReader.KEYS, keyLines.toString().getBytes(StandardCharsets.UTF_8));
            if (anchors != null) {
                List<Map<String, String>> list = new ArrayList<>();
                for (Anchored a : anchors) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("target", a.target());
                    m.put("note", a.note());
                    m.put("anchoredAt", a.anchoredAt());
                    list.add(m);
                }
                write(BundleReader.ANCHORS, JSON.writeValueAsBytes(list));
            }
        } finally {
            if (zip != null) {
                zip.close();
            }
            if (leafHashSpool != null) {
                Files.deleteIfExists(leafHashSpool);
            }
        }
    }

    private Map<String, Object> header() {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("format", LogHeader.FORMAT);
        log.put("origin", origin);
        log.put("hashAlgorithm", hasher.standardName());
        log.put("tenant", tenant);
        log.put("firstIndex", firstIndex);
        log.put("size", firstIndex + count);
        log.put("prefix", prefix.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList());
        return log;
    }

    private void write(String name, byte[] content) throws IOException {
        if (zip != null) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } else {
            Files.write(target.resolve(name), content);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the bundle is closed");
        }
    }
}
