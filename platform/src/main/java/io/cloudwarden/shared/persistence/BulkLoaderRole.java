package io.cloudwarden.shared.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role bulk loads switch to for {@code COPY} into tables that have row-level security, which PostgreSQL refuses
 * ({@code COPY FROM not supported with row-level security}) for a role the policies apply to (ADR 35).
 *
 * <p>The role is {@code <app-user>_loader}: {@code NOLOGIN BYPASSRLS}, holding nothing but {@code INSERT} on the
 * tables whose migrations grant it (it cannot read, change or delete anything). The application role may
 * {@code SET ROLE} to it but does not inherit it, so only code that asks for it, inside one transaction, writes
 * through it; the rows' {@code tenant_id} is then the loader's responsibility, which is why only the ledger loads of
 * the cost module use it, and they write the import's tenant, never a value from the input.
 *
 * <p>Creating a {@code BYPASSRLS} role needs a superuser. When the owner role is not one and no administrator created
 * the role, {@link #role()} is empty and loads fall back to staging rows in a temporary table (slower, same result).
 */
public final class BulkLoaderRole {

    private static final Logger log = LoggerFactory.getLogger(BulkLoaderRole.class);

    private final String role;

    BulkLoaderRole(String role) {
        this.role = role;
    }

    /** The role, when the application may switch to it. */
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    /** A loader that is not available (tests of the fallback path, and servers without it). */
    public static BulkLoaderRole unavailable() {
        return new BulkLoaderRole(null);
    }

    /**
     * Switches the current transaction to the loader role, runs {@code work}, and switches back; if {@code work}
     * fails, the switch ends with the transaction ({@code SET LOCAL}), which the caller rolls back.
     */
    public <T> T asLoader(JdbcClient jdbc, java.util.function.Supplier<T> work) {
        if (role == null) {
            throw new IllegalStateException("no bulk loader role is available");
        }
        jdbc.sql("set local role " + role).update();
        T result = work.get();
        // on failure the transaction is rolled back, which ends the switch too (and a failed one accepts no command)
        jdbc.sql("reset role").update();
        return result;
    }

    /** The loader role's name for {@code appUser}; migrations refer to it as {@code ${appUser}_loader}. */
    static String nameFor(String appUser) {
        return appUser + "_loader";
    }

    /** Creates the role when missing (if the owner may) and lets {@code appUser} switch to it; runs before migrations. */
    static BulkLoaderRole ensure(DatabaseServer server, String appUser) {
        String loader = nameFor(appUser);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.ownerUser(), server.ownerPassword());
             Statement st = c.createStatement()) {
            if (!exists(c, loader)) {
                if (!superuser(c)) {
                    log.warn("The owner role {} cannot create the BYPASSRLS role {}; bulk cost loads will stage rows first (slower). "
                            + "See docs/configuration.md to create it.", server.ownerUser(), loader);
                    return unavailable();
                }
                try {
                    st.execute("create role " + loader + " nologin bypassrls nosuperuser nocreatedb nocreaterole noinherit");
                    log.info("Created database role {} for bulk loads", loader);
                } catch (SQLException e) {
                    if (!"42710".equals(e.getSQLState())) { // duplicate_object: another node created it just now
                        throw e;
                    }
                }
            }
            if (!member(c, appUser, loader)) {
                st.execute("grant " + loader + " to " + appUser + " with inherit false, set true");
            }
            return new BulkLoaderRole(loader);
        } catch (SQLException e) {
            log.warn("Could not prepare the bulk loader role {} ({}); bulk cost loads will stage rows first (slower)", loader, e.getMessage());
            return unavailable();
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean superuser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean member(Connection c, String member, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_has_role(?, ?, 'SET')")) {
            ps.setString(1, member);
            ps.setString(2, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
