package io.cloudwarden.identity;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Array;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tenants and users. Every write runs bound to the tenant it writes, so row-level security checks it. */
@Service
public class IdentityManagement {

    /** Minimum password length; the full password policy comes with the identity issue. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    IdentityManagement(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates a top-level tenant (or a child of {@code parent}) and returns it. */
    @Transactional
    public Tenant createTenant(String name, String kind, TenantId parent) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw CloudwardenException.invalid("invalid tenant", List.of(new FieldProblem("name", "must be 1 to 200 characters")));
        }
        TenantId id = TenantId.random();
        return TenantContext.callAs(id, () -> {
            jdbc.sql("insert into tenants (id, parent_id, name, kind) values (?, ?, ?, ?)")
                    .params(id.value(), parent == null ? null : parent.value(), name.trim(), kind).update();
            return findTenant(id).orElseThrow();
        });
    }

    /** The tenant with {@code id}, if the current binding may see it. */
    public Optional<Tenant> findTenant(TenantId id) {
        return jdbc.sql("select id, parent_id, name, kind, created_at from tenants where id = ?").param(id.value())
                .query((rs, n) -> new Tenant(new TenantId(rs.getObject(1, UUID.class)),
                        rs.getObject(2) == null ? null : new TenantId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Id of the oldest tenant named {@code name} (any tenant when null), across all tenants; for bootstrap. */
    public Optional<TenantId> findTenantIdByName(String name) {
        return jdbc.sql("select cw_tenant_exists(?)").param(name).query(UUID.class).optional().map(TenantId::new);
    }

    /** Creates a user in {@code tenant} with a bcrypt-hashed password. */
    @Transactional
    public UUID createUser(TenantId tenant, String username, String password, List<String> roles) {
        String normalized = username == null ? "" : username.trim().toLowerCase();
        if (normalized.isEmpty() || normalized.length() > 200) {
            throw CloudwardenException.invalid("invalid user", List.of(new FieldProblem("username", "must be 1 to 200 characters")));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new CloudwardenException(IdentityErrorCode.WEAK_PASSWORD,
                    "the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        UUID id = UUID.randomUUID();
        String hash = passwords.encode(password);
        try {
            TenantContext.runAs(tenant, () -> jdbc.sql("""
                            insert into users (id, tenant_id, username, password_hash, roles)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, tenant.value(), normalized, hash, roles.toArray(String[]::new)).update());
        } catch (DuplicateKeyException e) {
            throw new CloudwardenException(IdentityErrorCode.USERNAME_TAKEN, "the username '" + normalized + "' is taken");
        }
        return id;
    }

    /** Whether {@code username} exists anywhere; for bootstrap. */
    public boolean userExists(String username) {
        return jdbc.sql("select count(*) from cw_login_lookup(?)").param(username).query(Long.class).single() > 0;
    }

    /** Whether the user (of the bound tenant) has a confirmed second factor; false for unknown users. */
    public boolean mfaEnabled(UUID userId) {
        return jdbc.sql("select mfa_enabled from users where id = ?").param(userId).query(Boolean.class).optional().orElse(false);
    }

    static List<String> roles(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
