package io.cloudwarden.identity.sso;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.SsoProviderChanged;
import io.cloudwarden.identity.internal.RoleGrants;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.SecretCipher;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SSO providers of the current tenant. The client secret is envelope-encrypted and write-only: it is
 * never returned, and an update without one keeps the stored secret. Mappings cannot grant a role the
 * administrator lacks.
 */
@Service
public class SsoProviderStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    SsoProviderStore(JdbcClient jdbc, SecretCipher cipher, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.events = events;
    }

    /** What an administrator submits; {@code clientSecret} may be null on update (keep the stored one). */
    public record ProviderInput(String name, String kind, String preset, String issuer, String clientId, String clientSecret,
                                List<String> scopes, String groupsClaim, String defaultRole, Boolean enabled,
                                List<RoleMapping> roleMappings) {
        @Override
        public String toString() {
            return "ProviderInput[name=" + name + ", preset=" + preset + ", issuer=" + issuer + "]";
        }
    }

    public List<SsoProvider> list() {
        return jdbc.sql(SELECT + " order by name, id").query(this::row).list();
    }

    public Optional<SsoProvider> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
    }

    /** The decrypted client secret; only for the login flow. */
    String clientSecret(UUID id) {
        byte[] sealed = jdbc.sql("select client_secret from sso_providers where id = ?").param(id).query(byte[].class).single();
        return cipher.decrypt(sealed);
    }

    @Transactional
    public SsoProvider create(ProviderInput in, Collection<String> callerRoles) {
        Valid v = validate(in, true, callerRoles);
        UUID id = UUID.randomUUID();
        TenantId tenant = TenantContext.require();
        jdbc.sql("""
                        insert into sso_providers (id, tenant_id, name, kind, preset, issuer, client_id, client_secret, scopes,
                                                   groups_claim, default_role, enabled, role_mappings)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, tenant.value(), v.name, v.preset.kind(), v.preset.name(), v.issuer, v.clientId,
                        cipher.encrypt(in.clientSecret()), v.scopes.toArray(String[]::new), v.groupsClaim, v.defaultRole,
                        v.enabled, json.writeValueAsString(v.mappings))
                .update();
        SsoProvider saved = find(id).orElseThrow();
        publish(saved, "CREATED", true);
        return saved;
    }

    @Transactional
    public SsoProvider update(UUID id, ProviderInput in, Collection<String> callerRoles) {
        find(id).orElseThrow(() -> notFound(id));
        Valid v = validate(in, false, callerRoles);
        boolean newSecret = in.clientSecret() != null && !in.clientSecret().isBlank();
        jdbc.sql("""
                        update sso_providers set name = ?, kind = ?, preset = ?, issuer = ?, client_id = ?, scopes = ?,
                               groups_claim = ?, default_role = ?, enabled = ?, role_mappings = ?::jsonb, updated_at = now()
                        where id = ?""")
                .params(v.name, v.preset.kind(), v.preset.name(), v.issuer, v.clientId, v.scopes.toArray(String[]::new),
                        v.groupsClaim, v.defaultRole, v.enabled, json.writeValueAsString(v.mappings), id)
                .update();
        if (newSecret) {
            jdbc.sql("update sso_providers set client_secret = ? where id = ?").params(cipher.encrypt(in.clientSecret()), id).update();
        }
        SsoProvider saved = find(id).orElseThrow();
        publish(saved, "UPDATED", newSecret);
        return saved;
    }

    @Transactional
    public void delete(UUID id) {
        SsoProvider p = find(id).orElseThrow(() -> notFound(id));
        jdbc.sql("delete from sso_providers where id = ?").param(id).update();
        publish(p, "DELETED", false);
    }

    static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_NOT_FOUND, "SSO provider " + id + " was not found");
    }

    private void publish(SsoProvider p, String change, boolean secretChanged) {
        events.publishEvent(new SsoProviderChanged(p.tenantId(), p.id(), p.name(), change, p.enabled(), secretChanged,
                RequestActor.actor(), RequestActor.sourceIp(), Instant.now()));
    }

    private record Valid(String name, SsoPreset preset, String issuer, String clientId, List<String> scopes, String groupsClaim,
                         String defaultRole, boolean enabled, List<RoleMapping> mappings) {
    }

    private static Valid validate(ProviderInput in, boolean creating, Collection<String> callerRoles) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        SsoPreset preset = null;
        try {
            preset = SsoPreset.valueOf(in.preset() == null ? "" : in.preset());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("preset", "must be one of ENTRA, GOOGLE, OKTA, GENERIC, GITHUB"));
        }
        String issuer = null;
        if (preset != null) {
            if (in.kind() != null && !in.kind().equals(preset.kind())) {
                problems.add(new FieldProblem("kind", "the preset " + preset + " is of kind " + preset.kind()));
            }
            issuer = preset.issuerFor(in.issuer());
            if (issuer == null) {
                problems.add(new FieldProblem("issuer", "is required for " + preset));
            } else if (!acceptableUrl(issuer)) {
                problems.add(new FieldProblem("issuer", "must be an https URL (http only for localhost)"));
            }
        }
        String clientId = in.clientId() == null ? "" : in.clientId().trim();
        if (clientId.isEmpty() || clientId.length() > 500) {
            problems.add(new FieldProblem("clientId", "is required"));
        }
        if (creating && (in.clientSecret() == null || in.clientSecret().isBlank())) {
            problems.add(new FieldProblem("clientSecret", "is required"));
        }
        String defaultRole = in.defaultRole() == null || in.defaultRole().isBlank() ? "VIEWER" : in.defaultRole();
        if (!RoleGrants.isRoleKey(defaultRole)) {
            problems.add(new FieldProblem("defaultRole", "is not a role key"));
        }
        List<RoleMapping> mappings = in.roleMappings() == null ? List.of() : List.copyOf(in.roleMappings());
        for (int i = 0; i < mappings.size(); i++) {
            RoleMapping m = mappings.get(i);
            if (m == null || m.claim() == null || m.claim().isBlank() || m.value() == null || !RoleGrants.isRoleKey(m.role())) {
                problems.add(new FieldProblem("roleMappings[" + i + "]", "needs a claim, a value and a role key"));
            }
        }
        List<String> scopes = preset == null ? List.of()
                : in.scopes() == null || in.scopes().isEmpty() ? preset.defaultScopes() : List.copyOf(in.scopes());
        if (preset != null && preset.kind().equals("OIDC") && !scopes.contains("openid")) {
            problems.add(new FieldProblem("scopes", "must include openid"));
        }
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("invalid SSO provider", problems);
        }
        List<String> granted = new ArrayList<>(mappings.stream().map(RoleMapping::role).toList());
        granted.add(defaultRole);
        List<String> lacking = RoleGrants.notGrantable(callerRoles, granted);
        if (!lacking.isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.ROLE_ESCALATION,
                    "a provider cannot grant roles you do not have: " + String.join(", ", lacking));
        }
        String groupsClaim = in.groupsClaim() == null || in.groupsClaim().isBlank() ? preset.defaultGroupsClaim() : in.groupsClaim().trim();
        return new Valid(name, preset, issuer, clientId, scopes, groupsClaim, defaultRole,
                in.enabled() == null || in.enabled(), mappings);
    }

    private static boolean acceptableUrl(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return false;
            }
            boolean local = u.getHost().equals("localhost") || u.getHost().equals("127.0.0.1");
            return "https".equals(u.getScheme()) || ("http".equals(u.getScheme()) && local);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final String SELECT = """
            select id, tenant_id, name, kind, preset, issuer, client_id, scopes, groups_claim, default_role, enabled,
                   role_mappings::text, created_at, updated_at
            from sso_providers""";

    private SsoProvider row(ResultSet rs, int n) throws SQLException {
        return new SsoProvider(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
                SsoPreset.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), List.of((String[]) rs.getArray(8).getArray()),
                rs.getString(9), rs.getString(10), rs.getBoolean(11),
                json.readValue(rs.getString(12), new TypeReference<List<RoleMapping>>() { }),
                rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant());
    }
}
