package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 429 RATE_LIMITED with {@code Retry-After} when a bucket is empty: authenticated API requests take a
 * token from the active tenant's bucket and, for API keys, from the key's bucket; unauthenticated requests to
 * {@code /api/v1/auth/**} (login, sign-up, password reset...; not refresh and logout) from the source address's bucket.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /**
     * Auth endpoints whose secret is a high-entropy token, not a guessable password: not limited per address,
     * so many users behind one NAT can keep refreshing their sessions.
     */
    private static final java.util.Set<String> UNGUESSABLE = java.util.Set.of("/api/v1/auth/refresh", "/api/v1/auth/logout");

    private final RateLimiter limiter;
    private final RateLimitProperties props;
    private final JsonMapper json;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties props, JsonMapper json) {
        this.limiter = limiter;
        this.props = props;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !props.enabled() || !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = check(request);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            FilterProblems.write(response, json, IdentityErrorCode.RATE_LIMITED,
                    "too many requests; retry after " + wait.getAsLong() + " seconds");
            return;
        }
        chain.doFilter(request, response);
    }

    private OptionalLong check(HttpServletRequest request) {
        Optional<TenantId> tenant = TenantContext.current();
        if (tenant.isPresent()) {
            OptionalLong wait = limiter.tryConsume("tenant:" + tenant.get(), props.tenantLimit(tenant.get().value()));
            if (wait.isPresent()) {
                return wait;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getName() != null && auth.getName().startsWith("apikey:")) {
                return limiter.tryConsume(auth.getName(), props.apiKeyRequestsPerMinute());
            }
            return OptionalLong.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/v1/auth/") && !"GET".equals(request.getMethod()) && !UNGUESSABLE.contains(path)) {
            return limiter.tryConsume("ip:" + request.getRemoteAddr(), props.loginAttemptsPerMinute());
        }
        return OptionalLong.empty();
    }
}
