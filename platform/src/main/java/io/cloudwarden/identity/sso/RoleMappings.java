package io.cloudwarden.identity.sso;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Applies a provider's role mappings to the claims of one login. */
public final class RoleMappings {

    private RoleMappings() {
    }

    /**
     * The roles {@code claims} earn under {@code mappings}, in mapping order; {@code defaultRole} alone when none
     * matches.
     *
     * @param groupsClaim the claim that holds the provider's groups; a mapping on {@code groups} reads it
     */
    public static List<String> resolve(Map<String, Object> claims, List<RoleMapping> mappings, String groupsClaim, String defaultRole) {
        Set<String> roles = new LinkedHashSet<>();
        for (RoleMapping m : mappings) {
            String claim = "groups".equals(m.claim()) && groupsClaim != null && !groupsClaim.isBlank() ? groupsClaim : m.claim();
            if (matches(claims.get(claim), m.value())) {
                roles.add(m.role());
            }
        }
        return roles.isEmpty() ? List.of(defaultRole) : List.copyOf(roles);
    }

    private static boolean matches(Object claimValue, String wanted) {
        if (claimValue instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> Objects.equals(String.valueOf(v), wanted));
        }
        return claimValue != null && String.valueOf(claimValue).equals(wanted);
    }
}
