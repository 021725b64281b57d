package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.apikey.ApiKeyAuthentication;
import io.cloudwarden.identity.TenantHierarchy;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.TenantBoundPrincipal;
import io.cloudwarden.shared.web.RequestActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds the request's active tenant to the thread for its whole duration (ADR 23): the caller's home tenant
 * (the JWT's {@code tid} claim, or a {@link TenantBoundPrincipal}'s tenant, e.g. an API key's), or the tenant named by the {@value #HEADER} header when that is the home tenant or one
 * of its descendants (else 403 TENANT_NOT_ACCESSIBLE). Then enforces the IP allow-lists of the home and the
 * active tenant (403 IP_NOT_ALLOWED). The home tenant is kept as request attribute
 * {@link RequestActor#HOME_TENANT_ATTRIBUTE}.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    /** The header that chooses the active tenant. */
    static final String HEADER = "X-Cloudwarden-Tenant";

    private final TenantHierarchy hierarchy;
    private final TenantNetworkPolicy network;
    private final JsonMapper json;

    TenantBindingFilter(TenantHierarchy hierarchy, TenantNetworkPolicy network, JsonMapper json) {
        this.hierarchy = hierarchy;
        this.network = network;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantId> home = homeTenant(SecurityContextHolder.getContext().getAuthentication());
        if (home.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        TenantId active = home.get();
        String requested = request.getHeader(HEADER);
        if (requested != null && !requested.isBlank()) {
            TenantId target;
            try {
                target = TenantId.of(requested.trim());
            } catch (IllegalArgumentException e) {
                FilterProblems.write(response, json, CommonErrorCode.MALFORMED_REQUEST, HEADER + " must be a tenant id (UUID)");
                return;
            }
            if (!hierarchy.isWithin(home.get(), target)) {
                FilterProblems.write(response, json, IdentityErrorCode.TENANT_NOT_ACCESSIBLE,
                        "you may act only in your own tenant and the tenants below it");
                return;
            }
            active = target;
        }
        String address = request.getRemoteAddr();
        if (!network.allows(home.get(), address) || !network.allows(active, address)) {
            FilterProblems.write(response, json, IdentityErrorCode.IP_NOT_ALLOWED,
                    "this tenant accepts requests only from its allowed networks; your address is not in them");
            return;
        }
        request.setAttribute(RequestActor.HOME_TENANT_ATTRIBUTE, home.get());
        TenantContext.bind(active);
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    private static Optional<TenantId> homeTenant(Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt && jwt.getClaimAsString("tid") != null) {
            return Optional.of(TenantId.of(jwt.getClaimAsString("tid")));
        }
        if (auth instanceof ApiKeyAuthentication key) {
            return Optional.of(key.tenant());
        }
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof TenantBoundPrincipal bound
                && bound.homeTenant() != null) {
            return Optional.of(bound.homeTenant());
        }
        return Optional.empty();
    }
}
