package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.verify.VerificationProblem.Kind;
import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a limit, keeping the smallest index of all of them, listed or not. */
final class ProblemList {

    private final int limit;
    private final List<VerificationProblem> problems = new ArrayList<>();
    private long omitted;
    private Long firstBadIndex;

    ProblemList(int limit) {
        this.limit = limit;
    }

    void add(Kind kind, Long index, String message) {
        if (index != null && (firstBadIndex == null || index < firstBadIndex)) {
            firstBadIndex = index;
        }
        if (problems.size() < limit) {
            problems.add(new VerificationProblem(kind, index, message));
        } else {
            omitted++;
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<VerificationProblem> list() {
        return problems;
    }

    long omitted() {
        return omitted;
    }

    Long firstBadIndex() {
        return firstBadIndex;
    }
}
