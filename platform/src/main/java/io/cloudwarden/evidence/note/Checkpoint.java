package io.cloudwarden.evidence.note;

import java.util.Base64;

/**
 * A tlog checkpoint (c2sp.org/tlog-checkpoint): the note text {@code <origin>\n<size>\n<base64 root>\n}
 * (extension lines are not used by Cloudwarden logs).
 *
 * @param origin   the log's unique name, also the name of its signing key
 * @param size     the number of entries
 * @param rootHash the Merkle root of the first {@code size} entries
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
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
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Parses the text of a checkpoint note (extension lines after the root are ignored). */
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
        return new Checkpoint(lines[0], size, root);
    }
}
