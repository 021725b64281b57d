package io.cloudwarden.evidence.pack;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/evidence/packs}.
 *
 * @param framework a framework id ({@code SOC2}, {@code CIS-AWS-5.0}) or family ({@code CIS})
 * @param controls  optional subset of the framework's controls; all of them when absent or empty
 * @param from      start of the period (inclusive), compared with the items' {@code collectedAt}
 * @param to        end of the period (exclusive)
 */
public record PackRequest(String framework, List<String> controls, Instant from, Instant to) {
}
