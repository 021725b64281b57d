package io.cloudwarden.identity.internal;

import io.cloudwarden.shared.ErrorCode;
import io.cloudwarden.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer from a servlet filter, before any controller runs. */
final class FilterProblems {

    private FilterProblems() {
    }

    static void write(HttpServletResponse res, JsonMapper json, ErrorCode code, String detail) throws IOException {
        ProblemDetail pd = ProblemResponses.problem(code, detail, List.of());
        res.setStatus(code.status().value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), pd);
    }
}
