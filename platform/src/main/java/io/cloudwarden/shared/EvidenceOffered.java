package io.cloudwarden.shared;

import java.time.Instant;
import java.util.List;

/**
 * A module hands a piece of evidence (for example a completed access review report) to the evidence module
 * without depending on it: the evidence module records it as an evidence item, with its file, synchronously in
 * the publisher's transaction (so the offering action fails if the evidence cannot be recorded).
 *
 * @param kind      an evidence kind wire name, e.g. {@code access_review}
 * @param controls  control ids, e.g. {@code SOC2:CC6.2}, {@code ISO27001:A.5.18}
 * @param fileName  the attached file's name, or null for none
 * @param mediaType the file's media type
 * @param content   the file's bytes
 */
public record EvidenceOffered(TenantId tenantId, String kind, String title, String description, List<String> controls,
                              Instant periodStart, Instant periodEnd, String fileName, String mediaType, byte[] content,
                              String actor, String sourceIp) {
}
