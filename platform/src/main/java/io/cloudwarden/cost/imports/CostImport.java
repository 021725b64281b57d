package io.cloudwarden.cost.imports;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A cost import job as the API shows it: where the file came from, how far it got, and its report once done
 * (format, rows, billing periods replaced, reconciliation and FOCUS conformance; see {@link ImportReport}).
 */
public record CostImport(UUID id, String source, String fileName, String location, Long sizeBytes, UUID accountId,
                         String status, String format, long rowsRead, long rowsAccepted, long rowsQuarantined,
                         double progress, JsonNode report, String error, String requestedBy, Instant createdAt,
                         Instant startedAt, Instant finishedAt) {

    /** Where an import's file came from. */
    public enum Source { UPLOAD, OBJECT_STORE, CLI, CONNECTOR }

    /** An import's state. REFUSED: the file is not a cost export; FAILED: it could not be stored. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, REFUSED }
}
