package io.cloudwarden.shared.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the database: starts the embedded PostgreSQL when no external URL is configured, provisions the
 * application role, migrates the schema as the owner with Flyway, then hands the rest of the application a
 * pool that logs in as the application role and binds the current tenant for row-level security.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${cloudwarden.db.url:}'.isBlank()")
    EmbeddedPostgresLifecycle embeddedPostgres(DatabaseProperties props) {
        return new EmbeddedPostgresLifecycle(props.dataDir(), props.embeddedPort());
    }

    @Bean
    DatabaseServer databaseServer(DatabaseProperties props, Optional<EmbeddedPostgresLifecycle> embedded) {
        if (!props.embedded()) {
            if (DatabaseProperties.blank(props.user())) {
                throw new IllegalStateException("CLOUDWARDEN_DB_USER (cloudwarden.db.user) is required with an external database");
            }
            return new DatabaseServer(props.url(), props.user(), props.password() == null ? "" : props.password(), false);
        }
        // injected (not looked up) so that the server is stopped only after every bean using the database
        EmbeddedPostgresLifecycle pg = embedded.orElseThrow();
        createDatabaseIfMissing(pg.jdbcUrl("postgres"), "cloudwarden");
        return new DatabaseServer(pg.jdbcUrl("cloudwarden"), "postgres", "", true);
    }

    /** Created before the pool (and so before migrations), which grant the loader its INSERT privileges. */
    @Bean
    BulkLoaderRole bulkLoaderRole(DatabaseServer server, DatabaseProperties props) {
        String appPassword = appPassword(server, props);
        ApplicationRole.ensure(server, props.appUser(), appPassword);
        return BulkLoaderRole.ensure(server, props.appUser());
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseServer server, DatabaseProperties props, BulkLoaderRole loader) {
        String appPassword = appPassword(server, props);
        migrate(server, props.appUser());
        HikariConfig config = new HikariConfig();
        config.setPoolName("cloudwarden");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(props.appUser());
        config.setPassword(appPassword);
        config.setMaximumPoolSize(props.poolSize());
        config.setConnectionTimeout(props.connectionTimeout().toMillis());
        config.setMinimumIdle(2);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "cloudwarden");
        return new TenantBindingDataSource(new HikariDataSource(config));
    }

    static void migrate(DatabaseServer server, String appUser) {
        Flyway.configure()
                .dataSource(server.jdbcUrl(), server.ownerUser(), server.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appUser", appUser))
                .load()
                .migrate();
    }

    private static String appPassword(DatabaseServer server, DatabaseProperties props) {
        if (!DatabaseProperties.blank(props.appPassword())) {
            return props.appPassword();
        }
        if (!server.embedded()) {
            throw new IllegalStateException("CLOUDWARDEN_DB_APP_PASSWORD (cloudwarden.db.app-password) is required with an external database");
        }
        Path file = props.dataDir().resolve("app-db-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String generated = HexFormat.of().formatHex(bytes);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
            restrictToOwner(file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the application database password in " + file, e);
        }
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the data directory's own permissions apply
        }
    }

    private static void createDatabaseIfMissing(String adminUrl, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                st.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }
}
