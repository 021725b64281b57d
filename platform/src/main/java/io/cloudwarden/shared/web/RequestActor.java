package io.cloudwarden.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting on the current thread, and from where, for audit records. */
public final class RequestActor {

    private RequestActor() {
    }

    /** {@code user:<id>} for an authenticated user, {@code apikey:<id>} for an API key, otherwise {@code system}. */
    public static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            return "user:" + jwt.getSubject();
        }
        if (auth != null && auth.isAuthenticated() && auth.getName() != null && auth.getName().startsWith("apikey:")) {
            return auth.getName();
        }
        return "system";
    }

    /** The client address of the current HTTP request, or {@code null} outside one. */
    public static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
