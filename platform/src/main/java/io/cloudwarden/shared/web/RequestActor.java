package io.cloudwarden.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting on the current thread, and from where, for audit records. */
public final class RequestActor {

    /** Request attribute holding the caller's home tenant ({@link io.cloudwarden.shared.TenantId}), set by identity. */
    public static final String HOME_TENANT_ATTRIBUTE = "cloudwarden.homeTenant";

    private RequestActor() {
    }

    /**
     * The caller's home tenant (the tenant the user or API key belongs to) when the current HTTP request is
     * authenticated. The active tenant, which may be a descendant of it, is {@link io.cloudwarden.shared.TenantContext}.
     */
    public static java.util.Optional<io.cloudwarden.shared.TenantId> homeTenant() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(HOME_TENANT_ATTRIBUTE) instanceof io.cloudwarden.shared.TenantId home) {
            return java.util.Optional.of(home);
        }
        return java.util.Optional.empty();
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
