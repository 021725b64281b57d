package io.cloudwarden.identity.access;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.web.RequestActor;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of the current request with their effective permissions in the active tenant, as
 * the access services need it for separation-of-duties and escalation checks.
 */
record Caller(Principal principal, TenantId tenant, Set<Permission> permissions, String sourceIp) {

    static Caller current(PermissionResolver resolver) {
        Principal principal = Principal.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new CloudwardenException(CommonErrorCode.UNAUTHENTICATED, "sign in first"));
        TenantId tenant = TenantContext.require();
        return new Caller(principal, tenant, resolver.permissions(principal, tenant), RequestActor.sourceIp());
    }

    String actor() {
        return principal.actor();
    }

    boolean isUser(java.util.UUID userId) {
        return principal.userId().map(userId::equals).orElse(false);
    }
}
