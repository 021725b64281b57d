package io.cloudwarden.evidence.verify;

import java.util.List;

/**
 * The result of verifying an evidence pack ({@link PackVerifier}).
 *
 * @param ok             whether every check passed
 * @param origin         the log the pack's entries come from ({@code null} when unreadable)
 * @param hashAlgorithm  the log's hash algorithm
 * @param treeSize       the size of the signed checkpoint the proofs lead to
 * @param items          the items in {@code index.json}
 * @param filesChecked   the evidence files whose hash was checked
 * @param proofsChecked  the entries whose inclusion proof was checked
 * @param keys           the verifier keys that verified the pack and checkpoint signatures
 * @param firstBadIndex  the smallest log index among the problems that name one, or {@code null}
 * @param problems       what failed
 */
public record PackReport(boolean ok, String origin, String hashAlgorithm, long treeSize, int items, int filesChecked,
                         int proofsChecked, List<String> keys, Long firstBadIndex, List<VerificationProblem> problems) {

    public PackReport {
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
    }

    /** Whether the input could not be read as a pack at all (rather than read and found wrong). */
    public boolean unreadable() {
        return problems.stream().anyMatch(p -> p.kind() == VerificationProblem.Kind.UNREADABLE);
    }
}
