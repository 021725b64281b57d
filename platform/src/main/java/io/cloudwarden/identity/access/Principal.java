package io.cloudwarden.identity.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: a user (token subject = user id) or an API key (principal name {@code apikey:<id>}, roles from
 * its {@code ROLE_<key>} authorities).
 *
 * @param name     the principal name: the user id, or {@code apikey:<id>}
 * @param userId   the user id, empty for API keys
 * @param keyRoles the roles of an API key (users' roles are read from the database per request)
 */
public record Principal(String name, Optional<UUID> userId, List<String> keyRoles) {

    /** The caller of {@code auth}, or empty when it is anonymous or of an unknown kind. */
    public static Optional<Principal> of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
            try {
                UUID id = UUID.fromString(jwt.getSubject());
                return Optional.of(new Principal(id.toString(), Optional.of(id), List.of()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String name = auth.getName();
        if (name != null && name.startsWith("apikey:")) {
            List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
            return Optional.of(new Principal(name, Optional.empty(), roles));
        }
        return Optional.empty();
    }

    /** The audit actor form: {@code user:<id>} or {@code apikey:<id>}. */
    public String actor() {
        return userId.map(id -> "user:" + id).orElse(name);
    }
}
