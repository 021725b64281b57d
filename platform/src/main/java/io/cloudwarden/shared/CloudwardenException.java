package io.cloudwarden.shared;

import java.util.List;

/**
 * A failure the API reports to the caller as an RFC 9457 problem with a stable {@link ErrorCode}. The
 * message is shown to users, so it must say what is wrong and never contain a secret.
 */
public class CloudwardenException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<FieldProblem> problems;

    public CloudwardenException(ErrorCode errorCode, String message) {
        this(errorCode, message, List.of());
    }

    public CloudwardenException(ErrorCode errorCode, String message, List<FieldProblem> problems) {
        super(message);
        this.errorCode = errorCode;
        this.problems = List.copyOf(problems);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A 404 for a missing or invisible entity; other tenants' ids are reported exactly like missing ones. */
    public static CloudwardenException notFound(String what, Object id) {
        return new CloudwardenException(CommonErrorCode.NOT_FOUND, what + " " + id + " was not found");
    }

    /** A 400 listing every field problem at once. */
    public static CloudwardenException invalid(String message, List<FieldProblem> problems) {
        return new CloudwardenException(CommonErrorCode.VALIDATION_FAILED, message, problems);
    }
}
