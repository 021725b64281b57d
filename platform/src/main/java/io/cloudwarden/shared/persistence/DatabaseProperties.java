package io.cloudwarden.shared.persistence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.db.*}: where the database is. With no {@code url}, an embedded PostgreSQL is started
 * with its data under {@code dataDir}.
 *
 * @param url          JDBC URL of an external PostgreSQL 15+ ({@code CLOUDWARDEN_DB_URL}); blank for embedded
 * @param user         owner role used for migrations ({@code CLOUDWARDEN_DB_USER})
 * @param password     owner password ({@code CLOUDWARDEN_DB_PASSWORD})
 * @param appUser      the role the application runs as; it must not own the tables, so row-level security applies
 * @param appPassword  its password; generated and kept in {@code dataDir} for the embedded database,
 *                     required ({@code CLOUDWARDEN_DB_APP_PASSWORD}) for an external one
 * @param dataDir      data directory of the embedded database
 * @param embeddedPort port of the embedded database; 0 picks a free one
 * @param poolSize     maximum connections of the application pool
 * @param connectionTimeout how long a caller waits for a pooled connection before failing (30 s by default)
 */
@ConfigurationProperties("cloudwarden.db")
public record DatabaseProperties(String url, String user, String password, String appUser, String appPassword,
                                 Path dataDir, Integer embeddedPort, Integer poolSize,
                                 java.time.Duration connectionTimeout) {

    public DatabaseProperties {
        appUser = blank(appUser) ? "cloudwarden_app" : appUser;
        dataDir = dataDir == null ? Path.of(System.getProperty("user.home"), ".cloudwarden", "data") : dataDir;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
        poolSize = poolSize == null ? 16 : poolSize;
        connectionTimeout = connectionTimeout == null ? java.time.Duration.ofSeconds(30) : connectionTimeout;
    }

    public boolean embedded() {
        return blank(url);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
