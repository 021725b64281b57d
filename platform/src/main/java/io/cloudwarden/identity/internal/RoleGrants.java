package io.cloudwarden.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which roles a caller may hand out (to an API key or through SSO role mappings): roles they hold; an ADMIN
 * also every built-in role below it and the tenant's custom roles; an MSP_ADMIN any role. Until permissions are
 * resolved per role, this is the rule that keeps anyone from granting more than they have.
 */
public final class RoleGrants {

    /** Built-in role keys; custom roles are {@code custom:<slug>}. */
    public static final Set<String> BUILT_IN_ROLES =
            Set.of("VIEWER", "OPERATOR", "ENGINEER", "FINOPS", "SECURITY", "AUDITOR", "ADMIN", "MSP_ADMIN");

    private RoleGrants() {
    }

    /** Whether {@code role} is a role key: a built-in one or {@code custom:<slug>}. */
    public static boolean isRoleKey(String role) {
        return role != null && (BUILT_IN_ROLES.contains(role) || role.matches("custom:[a-z0-9][a-z0-9-]{0,62}"));
    }

    /** Whether a caller holding {@code callerRoles} may grant {@code role}. */
    public static boolean mayGrant(Collection<String> callerRoles, String role) {
        return callerRoles.contains(role) || callerRoles.contains("MSP_ADMIN")
                || (callerRoles.contains("ADMIN") && !"MSP_ADMIN".equals(role));
    }

    /** The roles of {@code wanted} the caller may not grant, in order. */
    public static List<String> notGrantable(Collection<String> callerRoles, Collection<String> wanted) {
        return wanted.stream().distinct().filter(r -> !mayGrant(callerRoles, r)).toList();
    }
}
