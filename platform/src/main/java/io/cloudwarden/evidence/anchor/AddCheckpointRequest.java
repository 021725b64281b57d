package io.cloudwarden.evidence.anchor;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a c2sp.org/tlog-witness {@code add-checkpoint} request: {@code old <size>\n}, up to 63
 * consistency-proof hashes (base64, one a line), an empty line, then the signed checkpoint note.
 *
 * @param oldSize the size of the checkpoint the witness last cosigned for this log (0: none)
 * @param proof   the consistency proof from {@code oldSize} to the checkpoint's size (empty from 0)
 * @param note    the signed checkpoint
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, String note) {

    /** The most proof lines a request may carry. */
    public static final int MAX_PROOF_LINES = 63;

    public AddCheckpointRequest {
        if (oldSize < 0) {
            throw new IllegalArgumentException("negative old size");
        }
        proof = List.copyOf(proof);
        if (proof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than " + MAX_PROOF_LINES + " consistency proof lines");
        }
    }

    /** The request body. */
    public String encode() {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return body.append('\n').append(note).toString();
    }

    /** Parses a request body. */
    public static AddCheckpointRequest parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("no empty line before the checkpoint");
        }
        String[] lines = body.substring(0, blank).split("\n", -1);
        if (!lines[0].startsWith("old ")) {
            throw new IllegalArgumentException("the first line is not 'old <size>'");
        }
        String size = lines[0].substring(4);
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the old size is not a canonical decimal");
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the old size is out of range");
        }
        if (lines.length - 1 > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than " + MAX_PROOF_LINES + " consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            try {
                proof.add(Base64.getDecoder().decode(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("proof line " + i + " is not base64");
            }
        }
        return new AddCheckpointRequest(oldSize, proof, body.substring(blank + 2));
    }
}
