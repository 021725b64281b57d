package io.cloudwarden.identity.web;

import io.cloudwarden.identity.IdentityProblem;
import io.cloudwarden.shared.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers {@link IdentityProblem}s as problem+json with their extra members. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemAdvice {

    @ExceptionHandler(IdentityProblem.class)
    ResponseEntity<ProblemDetail> onIdentityProblem(IdentityProblem e) {
        ProblemDetail pd = ProblemResponses.problem(e.errorCode(), e.getMessage(), e.problems());
        e.properties().forEach(pd::setProperty);
        return ResponseEntity.status(e.errorCode().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
