package io.cloudwarden.evidence.verify;

/**
 * One thing that failed verification.
 *
 * @param kind    what failed
 * @param index   the log index (entry position) it concerns, or {@code null} when it concerns no single entry
 *                (a checkpoint's signature, a malformed file)
 * @param message a precise human-readable explanation
 */
public record VerificationProblem(Kind kind, Long index, String message) {

    /** The kinds of problem; see {@code docs/evidence/formats.md}, "What verification checks". */
    public enum Kind {
        /** The input is not a readable bundle or pack (missing or unparsable required file, I/O error). */
        UNREADABLE,
        /** A checkpoint note, key line, anchor or {@code leaf-hashes.txt} line that does not parse. */
        MALFORMED,
        /** A signature by a key in {@code keys.txt} that does not verify. */
        BAD_SIGNATURE,
        /** A note signed by no key in {@code keys.txt} that carries the log's origin as its name. */
        UNKNOWN_KEY,
        /** A checkpoint of another log. */
        WRONG_ORIGIN,
        /** A checkpoint whose hash algorithm (extension line) is not the log's. */
        WRONG_HASH_ALGORITHM,
        /** An entry line that is not a JSON object with an integer {@code index} and a string {@code tenant}, or a truncated last line. */
        UNPARSABLE_ENTRY,
        /** An entry of another tenant. */
        WRONG_TENANT,
        /** An index missing from the sequence (deletion), or entries missing at the end. */
        MISSING_ENTRY,
        /** A repeated or out-of-order index: the position where the sequence breaks (insertion, reordering). */
        OUT_OF_ORDER,
        /** More entries than the size {@code log.json} declares. */
        SIZE_MISMATCH,
        /** An entry whose hash differs from the stored leaf hash, where the stored hashes reproduce the signed roots. */
        MODIFIED_ENTRY,
        /** A checkpoint root the recomputed tree does not reproduce; the index is the first entry after the last verified checkpoint. */
        ROOT_MISMATCH,
        /** The bundle has entries but no signed checkpoint covers any of them. */
        NO_CHECKPOINT,
        /** A signed checkpoint larger than the bundle: the bundle lacks entries the log signed. */
        CHECKPOINT_NOT_COVERED,
        /** Two signed checkpoints that cannot come from one append-only tree (same size, different roots). */
        INCONSISTENT_CHECKPOINTS,
        /** An anchored checkpoint larger than the bundle: the log was rolled back. */
        ANCHOR_BEYOND_LOG,
        /** An anchored checkpoint whose root the recomputed tree does not reproduce: the log was rewritten. */
        ANCHOR_MISMATCH,
        /** Evidence pack: {@code pack.sig} does not sign the SHA-256 of this {@code index.json}. */
        INDEX_HASH_MISMATCH,
        /** Evidence pack: a file or proof that {@code index.json} names is absent. */
        MISSING_FILE,
        /** Evidence pack: a file whose SHA-256 differs from {@code index.json} or from its entry's {@code details.sha256}. */
        FILE_HASH_MISMATCH,
        /** Evidence pack: a proof or entry whose index is not the item's {@code logIndex}. */
        INDEX_MISMATCH,
        /** Evidence pack: a proof or checkpoint for another tree size than {@code index.json}'s {@code treeSize}. */
        TREE_SIZE_MISMATCH,
        /** Evidence pack: an inclusion proof that does not lead to the checkpoint's root. */
        BAD_PROOF
    }
}
