package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.shared.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * An enrolment token (handed out with {@code MFA_ENROLMENT_REQUIRED}) opens only the TOTP enrolment
 * endpoints; any other request with it is refused with 403 {@code MFA_ENROLMENT_ONLY}.
 */
class EnrolmentScopeFilter extends OncePerRequestFilter {

    private static final List<String> ALLOWED = List.of("/api/v1/me/mfa/totp", "/api/v1/me/mfa/totp/confirm");

    private final JsonMapper json;

    EnrolmentScopeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt && isEnrolmentOnly(jwt)
                && !("POST".equals(request.getMethod()) && ALLOWED.contains(request.getRequestURI()))) {
            response.setStatus(IdentityErrorCode.MFA_ENROLMENT_ONLY.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemResponses.problem(IdentityErrorCode.MFA_ENROLMENT_ONLY,
                    "this token only allows enrolling an authenticator (POST /api/v1/me/mfa/totp and /confirm); log in again afterwards",
                    List.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code jwt} is an enrolment-only token. */
    static boolean isEnrolmentOnly(Jwt jwt) {
        return LoginService.ENROLMENT_SCOPE.equals(jwt.getClaimAsString("scope"));
    }
}
