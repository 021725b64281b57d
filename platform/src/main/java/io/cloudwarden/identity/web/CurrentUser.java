package io.cloudwarden.identity.web;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.TenantId;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The user behind the current bearer token: id, home tenant and session. */
record CurrentUser(UUID userId, TenantId homeTenant, UUID sessionId) {

    static CurrentUser require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null && jwt.getClaimAsString("tid") != null) {
            try {
                String sid = jwt.getClaimAsString("sid");
                return new CurrentUser(UUID.fromString(jwt.getSubject()), TenantId.of(jwt.getClaimAsString("tid")),
                        sid == null ? null : UUID.fromString(sid));
            } catch (IllegalArgumentException e) {
                // not a user token (e.g. an API key principal)
            }
        }
        throw new CloudwardenException(CommonErrorCode.FORBIDDEN, "this needs a user's login, not an API key");
    }

    String actor() {
        return "user:" + userId;
    }
}
