package io.cloudwarden.evidence.merkle;

/** A proof that does not verify; the message says which check failed. */
public class InvalidProofException extends Exception {

    public InvalidProofException(String message) {
        super(message);
    }
}
