package io.cloudwarden.shared.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the role the application runs as exists and cannot bypass row-level security: it must not be
 * a superuser, must not have BYPASSRLS and must not own the tables (the owner role runs migrations).
 */
final class ApplicationRole {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);

    private ApplicationRole() {
    }

    static void ensure(DatabaseServer server, String appUser, String appPassword) {
        if (!appUser.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("cloudwarden.db.app-user must be a plain lower-case role name, got '" + appUser + "'");
        }
        if (appUser.equals(server.ownerUser())) {
            throw new IllegalStateException("cloudwarden.db.app-user must differ from the owner role '" + server.ownerUser()
                    + "': row-level security does not apply to a table's owner");
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.ownerUser(), server.ownerPassword());
             Statement st = c.createStatement()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select rolsuper, rolbypassrls from pg_roles where rolname = ?")) {
                ps.setString(1, appUser);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                    if (exists && (rs.getBoolean(1) || rs.getBoolean(2))) {
                        throw new IllegalStateException("role " + appUser + " is a superuser or has BYPASSRLS; "
                                + "row-level security would not protect tenants. Use a plain role.");
                    }
                }
            }
            String password = appPassword.replace("'", "''");
            if (!exists) {
                st.execute("create role " + appUser + " login password '" + password
                        + "' nosuperuser nobypassrls nocreatedb nocreaterole");
                log.info("Created database role {} for the application", appUser);
            } else if (server.embedded()) {
                st.execute("alter role " + appUser + " password '" + password + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the application database role " + appUser + ": " + e.getMessage(), e);
        }
    }
}
