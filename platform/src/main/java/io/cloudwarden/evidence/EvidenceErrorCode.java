package io.cloudwarden.evidence;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the audit log and the evidence items, packs and reports APIs. */
public enum EvidenceErrorCode implements ErrorCode {
    /** The ledger could not take an entry; the action it would have recorded did not happen. */
    AUDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Audit log unavailable"),
    AUDIT_ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "Audit entry not found"),
    /** The entry is past the online retention: it is in an archived segment, which verifies on its own. */
    AUDIT_ENTRY_ARCHIVED(HttpStatus.GONE, "Audit entry archived"),
    INVALID_AUDIT_SETTINGS(HttpStatus.BAD_REQUEST, "Invalid audit log settings"),
    CHECKPOINT_NOT_FOUND(HttpStatus.NOT_FOUND, "Checkpoint not found"),
    INVALID_TREE_SIZE(HttpStatus.BAD_REQUEST, "Invalid tree size"),
    INVALID_PROOF_REQUEST(HttpStatus.BAD_REQUEST, "Invalid proof request"),
    INVALID_AUDIT_FILTER(HttpStatus.BAD_REQUEST, "Invalid audit filter"),
    AUDIT_LOG_NOT_EMPTY(HttpStatus.CONFLICT, "Audit log not empty"),
    UNKNOWN_HASH_ALGORITHM(HttpStatus.BAD_REQUEST, "Unknown hash algorithm"),
    EVIDENCE_ITEM_NOT_FOUND(HttpStatus.NOT_FOUND, "Evidence item not found"),
    /** The item exists but was recorded without a file. */
    EVIDENCE_FILE_NOT_FOUND(HttpStatus.NOT_FOUND, "Evidence item has no file"),
    EVIDENCE_PACK_NOT_FOUND(HttpStatus.NOT_FOUND, "Evidence pack not found"),
    /** A control id that is not in the catalogue of its framework (or names no known framework). */
    UNKNOWN_CONTROL(HttpStatus.BAD_REQUEST, "Unknown control"),
    UNKNOWN_FRAMEWORK(HttpStatus.BAD_REQUEST, "Unknown framework"),
    /** A framework Cloudwarden knows of but ships no control catalogue for (yet). */
    FRAMEWORK_NOT_AVAILABLE(HttpStatus.BAD_REQUEST, "Framework catalogue not available"),
    /** An upload above {@code cloudwarden.evidence.max-upload-size}. */
    EVIDENCE_FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Evidence file too large"),
    /** A pack would exceed {@code cloudwarden.evidence.max-pack-items} or {@code max-pack-size}. */
    EVIDENCE_PACK_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Evidence pack too large"),
    /** No evidence item of the framework's controls was collected in the period. */
    NO_EVIDENCE_IN_PERIOD(HttpStatus.BAD_REQUEST, "No evidence in the period"),
    /**
     * Building a pack found stored evidence that does not match its audit log entry or a proof that does not
     * verify; the pack is not produced. Points at tampering or a ledger fault: investigate with verify-log.
     */
    EVIDENCE_INTEGRITY_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "Evidence integrity check failed");

    private final Spec spec;

    EvidenceErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
