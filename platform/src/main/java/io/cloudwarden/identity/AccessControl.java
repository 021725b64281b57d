package io.cloudwarden.identity;

import io.cloudwarden.identity.access.PermissionResolver;
import io.cloudwarden.identity.access.Principal;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.security.Permission;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The current caller's effective permissions in the active tenant (roles plus active just-in-time grants). */
@Service
public class AccessControl {

    private final PermissionResolver resolver;

    AccessControl(PermissionResolver resolver) {
        this.resolver = resolver;
    }

    /** The effective permissions of the authenticated caller of this thread; empty when there is none. */
    public Set<Permission> currentPermissions() {
        var principal = Principal.of(SecurityContextHolder.getContext().getAuthentication());
        var tenant = TenantContext.current();
        if (principal.isEmpty() || tenant.isEmpty()) {
            return Set.of();
        }
        return resolver.permissions(principal.get(), tenant.get());
    }

    /** The wire keys of {@link #currentPermissions()}, sorted. */
    public SortedSet<String> currentPermissionKeys() {
        TreeSet<String> keys = new TreeSet<>();
        currentPermissions().forEach(p -> keys.add(p.key()));
        return keys;
    }

    /** Whether the caller has {@code permission} in the active tenant. */
    public boolean has(Permission permission) {
        return currentPermissions().contains(permission);
    }
}
