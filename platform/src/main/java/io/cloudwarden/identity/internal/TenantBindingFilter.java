package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.apikey.ApiKeyAuthentication;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the authenticated token's tenant ({@code tid} claim) to the request thread for its whole duration.
 * The identity issue adds explicit tenant switching for MSP users on top of this.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt && jwt.getClaimAsString("tid") != null) {
            TenantContext.bind(TenantId.of(jwt.getClaimAsString("tid")));
        } else if (auth instanceof ApiKeyAuthentication key) {
            TenantContext.bind(key.tenant());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }
}
