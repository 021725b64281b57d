package io.cloudwarden.evidence.pack;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The record of a generated evidence pack (the zip itself is {@code GET /packs/{id}/download}).
 *
 * @param sha256    hex SHA-256 of the pack's index.json: what pack.sig signs and the audit entry names
 * @param zipSha256 hex SHA-256 of the zip as downloaded
 * @param treeSize  size of the audit log tree whose checkpoint the pack's proofs lead to
 * @param logIndex  the audit log entry that recorded the generation
 */
public record EvidencePack(UUID id, String framework, List<String> controls, Instant from, Instant to, int itemCount,
                           long treeSize, String sha256, String zipSha256, long size, long logIndex, String createdBy,
                           Instant createdAt) {

    public EvidencePack {
        controls = List.copyOf(controls);
    }
}
