package io.cloudwarden.evidence.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An evidence item as the API returns it (never with its file content; that is {@code GET .../file}).
 *
 * @param logIndex the index of the audit log entry that recorded it
 * @param file     the attached file, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceItem(UUID id, String kind, String title, String description, List<String> controls,
                           Instant collectedAt, Instant periodStart, Instant periodEnd, long logIndex, FileInfo file,
                           String createdBy, Instant createdAt) {

    public EvidenceItem {
        controls = List.copyOf(controls);
    }

    /** The attached file's metadata; {@code sha256} is lower-case hex, as in the audit entry. */
    public record FileInfo(String name, String mediaType, long size, String sha256) {
    }
}
