package io.cloudwarden.shared.web;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.ErrorCode;
import io.cloudwarden.shared.FieldProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses with the stable {@code code} member every Cloudwarden error carries. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail problem(ErrorCode code, String detail, List<FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(code.status(), detail);
        pd.setTitle(code.title());
        pd.setType(URI.create("https://cloudwarden.io/problems/" + code.code().toLowerCase().replace('_', '-')));
        pd.setProperty("code", code.code());
        if (errors != null && !errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(code, detail, errors));
    }

    public static ResponseEntity<ProblemDetail> response(CloudwardenException e) {
        return response(e.errorCode(), e.getMessage(), e.problems());
    }

    /** Maps a bare status (from the servlet container or the framework) to a common code. */
    public static ErrorCode codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> CommonErrorCode.MALFORMED_REQUEST;
            case UNAUTHORIZED -> CommonErrorCode.UNAUTHENTICATED;
            case FORBIDDEN -> CommonErrorCode.FORBIDDEN;
            case NOT_FOUND -> CommonErrorCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> CommonErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> CommonErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case CONFLICT -> CommonErrorCode.CONFLICT;
            default -> status.value() == 413 ? CommonErrorCode.PAYLOAD_TOO_LARGE : CommonErrorCode.INTERNAL_ERROR;
        };
    }
}
