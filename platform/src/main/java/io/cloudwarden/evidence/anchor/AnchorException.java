package io.cloudwarden.evidence.anchor;

/**
 * An anchoring that could not be done or a read-back that failed: the target is unreachable, refuses, is
 * misconfigured (an S3 bucket without Object Lock), or already holds a different checkpoint of that size.
 * Messages name the target and never carry credentials.
 */
public class AnchorException extends RuntimeException {

    public AnchorException(String message) {
        super(message);
    }

    public AnchorException(String message, Throwable cause) {
        super(message, cause);
    }
}
