package io.cloudwarden.evidence;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the audit log and evidence APIs. */
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
    UNKNOWN_HASH_ALGORITHM(HttpStatus.BAD_REQUEST, "Unknown hash algorithm");

    private final Spec spec;

    EvidenceErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
