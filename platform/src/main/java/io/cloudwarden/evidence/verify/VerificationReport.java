package io.cloudwarden.evidence.verify;

import java.util.List;

/**
 * The result of verifying a bundle ({@link LogVerifier}).
 *
 * @param ok                  whether every check passed
 * @param origin              the log's origin ({@code null} when the bundle was unreadable)
 * @param hashAlgorithm       the log's hash algorithm
 * @param tenant              the log's tenant
 * @param firstIndex          the bundle's first index
 * @param size                the tree size the bundle claims to reach ({@code log.json})
 * @param entriesChecked      the entries read
 * @param checkpoints         the signed checkpoints in the bundle
 * @param checkpointsVerified the checkpoints whose signature verified and whose root the recomputed tree reproduced
 * @param anchors             the anchored checkpoints in the bundle
 * @param anchorsVerified     the anchored checkpoints whose root the recomputed tree reproduced
 * @param verifiedSize        the largest tree size a signed checkpoint vouches for in this bundle, or {@code null};
 *                            entries from here to {@code size} are not (yet) covered by a checkpoint
 * @param keys                the verifier keys that verified signatures (compare them with the published keys)
 * @param firstBadIndex       the smallest index among the problems that name one, or {@code null}
 * @param problems            what failed, in the order found (at most {@link LogVerifier#MAX_PROBLEMS})
 * @param problemsOmitted     further problems found but not listed
 */
public record VerificationReport(boolean ok, String origin, String hashAlgorithm, String tenant, long firstIndex, long size,
                                 long entriesChecked, int checkpoints, int checkpointsVerified, int anchors, int anchorsVerified,
                                 Long verifiedSize, List<String> keys, Long firstBadIndex, List<VerificationProblem> problems,
                                 long problemsOmitted) {

    public VerificationReport {
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
    }

    /** Whether the input could not be read as a bundle at all (rather than read and found wrong). */
    public boolean unreadable() {
        return problems.stream().anyMatch(p -> p.kind() == VerificationProblem.Kind.UNREADABLE);
    }
}
