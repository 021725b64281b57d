package io.cloudwarden.evidence.pack;

/**
 * Stored evidence, a log entry, a proof or a signature did not check out while building a pack or report;
 * nothing is produced. The message names the item and the check that failed, never a secret.
 */
public class EvidenceIntegrityException extends RuntimeException {

    public EvidenceIntegrityException(String message) {
        super(message);
    }
}
