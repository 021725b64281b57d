package io.cloudwarden.shared.web;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a REST call into an RFC 9457 problem with a stable {@code code}. Unexpected
 * exceptions are logged with their stack trace and answered with a generic message: no stack trace, SQL or
 * secret ever reaches a response.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CloudwardenException.class)
    ResponseEntity<ProblemDetail> onCloudwarden(CloudwardenException e) {
        return ProblemResponses.response(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return ProblemResponses.response(CommonErrorCode.INVALID_FILTER, "parameter '" + e.getName() + "' has an invalid value",
                List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' is not a valid " + expected)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return ProblemResponses.response(CommonErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred; it has been logged", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return body(ProblemResponses.problem(CommonErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of()),
                        CommonErrorCode.PAYLOAD_TOO_LARGE.status());
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        String detail;
        List<FieldProblem> errors = List.of();
        if (cause instanceof UnrecognizedPropertyException u) {
            detail = "unknown field '" + u.getPropertyName() + "'";
            errors = List.of(new FieldProblem(u.getPropertyName(), "is not a known field"));
        } else {
            detail = "the request body is not valid JSON of the expected shape";
        }
        return body(ProblemResponses.problem(CommonErrorCode.MALFORMED_REQUEST, detail, errors), CommonErrorCode.MALFORMED_REQUEST.status());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList();
        return body(ProblemResponses.problem(CommonErrorCode.VALIDATION_FAILED, "the request has invalid fields", errors),
                HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        ProblemDetail pd = ProblemResponses.problem(ProblemResponses.codeFor(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status),
                body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : ex.getMessage(), List.of());
        pd.setStatus(statusCode.value());
        return ResponseEntity.status(statusCode).headers(headers).body(pd);
    }

    private static ResponseEntity<Object> body(ProblemDetail pd, HttpStatusCode status) {
        return ResponseEntity.status(status).body(pd);
    }
}
