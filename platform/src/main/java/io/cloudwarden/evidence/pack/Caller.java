package io.cloudwarden.evidence.pack;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who asks, as written in audit entries and {@code created_by}: {@code user:<id>} from the access token's
 * subject, and the client address.
 */
public record Caller(String actor, String sourceIp) {

    /** The authenticated caller of the current request. */
    static Caller of(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("evidence operations need an authenticated caller");
        }
        String subject = auth.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : auth.getName();
        return new Caller("user:" + subject, request.getRemoteAddr());
    }
}
