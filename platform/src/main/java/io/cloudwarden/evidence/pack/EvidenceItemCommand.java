package io.cloudwarden.evidence.pack;

import java.time.Instant;
import java.util.List;

/**
 * What a caller records: the JSON body of {@code POST /items}, or the {@code metadata} part of an upload.
 *
 * @param kind        one of {@link EvidenceKind}'s wire names
 * @param controls    control ids ({@code SOC2:CC6.1}), at least one
 * @param collectedAt when the evidence was collected; now when absent; not in the future
 * @param periodStart start of the period the evidence covers, optional
 * @param periodEnd   end of that period (exclusive), optional
 */
public record EvidenceItemCommand(String kind, String title, String description, List<String> controls,
                                  Instant collectedAt, Instant periodStart, Instant periodEnd) {
}
