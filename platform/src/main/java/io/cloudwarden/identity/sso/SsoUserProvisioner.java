package io.cloudwarden.identity.sso;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds or provisions the user behind a verified SSO identity in the provider's tenant and re-applies the
 * provider's role mappings: the roles the mappings gave last time are replaced by the ones they give now, and
 * roles granted otherwise are kept. SSO users get no usable password, so password login is refused for them.
 */
@Component
class SsoUserProvisioner {

    /** Not a bcrypt hash, so no password ever matches it. */
    static final String NO_PASSWORD = "!sso";

    private final JdbcClient jdbc;

    SsoUserProvisioner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed-in user. */
    record SignedIn(UUID userId, String username, List<String> roles, boolean firstLogin) {
    }

    /** The verified email of the identity, or a refusal. */
    static String verifiedEmail(SsoProvider provider, Map<String, Object> claims) {
        Object email = claims.get("email");
        if (email == null && provider.preset() == SsoPreset.ENTRA) {
            email = claims.get("preferred_username");
        }
        String address = email == null ? "" : email.toString().trim().toLowerCase();
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new CloudwardenException(IdentityErrorCode.SSO_EMAIL_UNVERIFIED, "the identity provider gave no email address");
        }
        Object verified = claims.get("email_verified");
        boolean ok = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified))
                // Entra ID sends no email_verified: its addresses are managed by the directory
                || (verified == null && provider.preset() == SsoPreset.ENTRA);
        if (!ok) {
            throw new CloudwardenException(IdentityErrorCode.SSO_EMAIL_UNVERIFIED, "the identity provider did not verify the email address");
        }
        return address;
    }

    /** Signs in (or provisions) the user; runs in the caller's transaction with the provider's tenant bound. */
    SignedIn signIn(SsoProvider provider, Map<String, Object> claims, String email) {
        String subject = String.valueOf(claims.get("sub"));
        List<String> mapped = RoleMappings.resolve(claims, provider.roleMappings(), provider.groupsClaim(), provider.defaultRole());
        Optional<Existing> existing = jdbc.sql("""
                        select id, username, roles, sso_roles, enabled from users where sso_provider_id = ? and sso_subject = ?""")
                .params(provider.id(), subject).query(SsoUserProvisioner::existing).optional();
        if (existing.isEmpty()) {
            Optional<Existing> byName = jdbc.sql("select id, username, roles, sso_roles, enabled from users where username = ?")
                    .param(email).query(SsoUserProvisioner::existing).optional();
            if (byName.isPresent()) {
                throw conflict(email);
            }
            UUID id = UUID.randomUUID();
            Object name = claims.get("name");
            try {
                jdbc.sql("""
                                insert into users (id, tenant_id, username, password_hash, display_name, roles, sso_provider_id, sso_subject, sso_roles, last_login_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")
                        .params(id, TenantContext.require().value(), email, NO_PASSWORD, name == null ? null : name.toString(),
                                mapped.toArray(String[]::new), provider.id(), subject, mapped.toArray(String[]::new))
                        .update();
            } catch (DuplicateKeyException e) {
                // the address belongs to a user of another tenant
                throw conflict(email);
            }
            return new SignedIn(id, email, mapped, true);
        }
        Existing user = existing.get();
        if (!user.enabled()) {
            throw new CloudwardenException(IdentityErrorCode.USER_DISABLED, "this user is disabled; ask an administrator");
        }
        Set<String> roles = new LinkedHashSet<>(user.roles());
        roles.removeAll(user.ssoRoles());
        roles.addAll(mapped);
        List<String> updated = new ArrayList<>(roles);
        jdbc.sql("update users set roles = ?, sso_roles = ?, last_login_at = now() where id = ?")
                .params(updated.toArray(String[]::new), mapped.toArray(String[]::new), user.id()).update();
        return new SignedIn(user.id(), user.username(), updated, false);
    }

    private static CloudwardenException conflict(String email) {
        return new CloudwardenException(IdentityErrorCode.SSO_ACCOUNT_CONFLICT,
                "the address " + email + " already belongs to a user who does not sign in with this provider");
    }

    private record Existing(UUID id, String username, List<String> roles, List<String> ssoRoles, boolean enabled) {
    }

    private static Existing existing(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Existing(rs.getObject(1, UUID.class), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                List.of((String[]) rs.getArray(4).getArray()), rs.getBoolean(5));
    }
}
