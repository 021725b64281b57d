package io.cloudwarden.shared;

import org.springframework.http.HttpStatus;

/** Error codes shared by every API. */
public enum CommonErrorCode implements ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    INVALID_FILTER(HttpStatus.BAD_REQUEST, "Invalid filter"),
    INVALID_CURSOR(HttpStatus.BAD_REQUEST, "Invalid cursor"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    /** The request body is larger than the configured limit for its kind (JSON or upload). */
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final Spec spec;

    CommonErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
