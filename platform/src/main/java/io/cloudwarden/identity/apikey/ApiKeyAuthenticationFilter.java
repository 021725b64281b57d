package io.cloudwarden.identity.apikey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: ApiKey cw_...}. Runs before the bearer-token filter; a request with an
 * unknown, expired or revoked key is answered 401 here and goes no further. Requests without an API key pass
 * through untouched. The tenant binding filter then binds the key's tenant.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** The authorization scheme. */
    public static final String SCHEME = "ApiKey";

    private final ApiKeyService keys;
    private final AuthenticationEntryPoint entryPoint;

    public ApiKeyAuthenticationFilter(ApiKeyService keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyAuthentication> auth = keys.authenticate(header.substring(SCHEME.length() + 1).trim());
        if (auth.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("the API key is invalid, expired or revoked"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
