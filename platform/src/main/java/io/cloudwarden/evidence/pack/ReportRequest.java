package io.cloudwarden.evidence.pack;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/evidence/reports}.
 *
 * @param from       start of the period (inclusive)
 * @param to         end of the period (exclusive)
 * @param frameworks framework ids or families to report on; absent: every framework with evidence in the period
 */
public record ReportRequest(Instant from, Instant to, List<String> frameworks) {
}
