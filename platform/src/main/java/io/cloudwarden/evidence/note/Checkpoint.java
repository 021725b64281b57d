package io.cloudwarden.evidence.note;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A tlog checkpoint (c2sp.org/tlog-checkpoint): the note text {@code <origin>\n<size>\n<base64 root>\n}
 * followed by optional extension lines. Cloudwarden logs use one, {@code hash-algorithm SHA3-256}, on logs
 * that do not hash with SHA-256.
 *
 * @param origin     the log's unique name, also the name of its signing key
 * @param size       the number of entries
 * @param rootHash   the Merkle root of the first {@code size} entries
 * @param extensions the extension lines after the root hash, without their newlines
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** The extension line prefix that names a log's hash algorithm when it is not SHA-256. */
    public static final String HASH_ALGORITHM_EXTENSION = "hash-algorithm ";

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    public Checkpoint {
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new IllegalArgumentException("an extension line is one non-empty line");
            }
        }
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint needs a one-line origin");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        rootHash = rootHash.clone();
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text of this checkpoint. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The hash algorithm named by a {@code hash-algorithm} extension line, or {@code SHA-256} without one. */
    public String hashAlgorithm() {
        return extensions.stream()
                .filter(line -> line.startsWith(HASH_ALGORITHM_EXTENSION))
                .map(line -> line.substring(HASH_ALGORITHM_EXTENSION.length()))
                .findFirst().orElse("SHA-256");
    }

    /** Parses the text of a checkpoint note, keeping its extension lines. */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line, each ending in a newline");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the tree size is not a decimal number");
        }
        if (lines[1].startsWith("+") || (lines[1].length() > 1 && lines[1].startsWith("0"))) {
            throw new IllegalArgumentException("the tree size must be in canonical decimal form");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash is not base64");
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length - 1; i++) {
            extensions.add(lines[i]);
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }
}
