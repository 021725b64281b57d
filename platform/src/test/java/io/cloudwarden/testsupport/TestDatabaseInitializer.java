package io.cloudwarden.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test application context at a fresh database of the shared embedded PostgreSQL. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Password of the bootstrap admin in tests. */
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        java.nio.file.Path files;
        try {
            files = java.nio.file.Files.createTempDirectory("cloudwarden-test-files");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestPropertyValues.of(
                "cloudwarden.audit.anchor.directory=" + files.resolve("anchors"),
                "cloudwarden.audit.retention.archive-directory=" + files.resolve("audit-archive"),
                "cloudwarden.db.url=" + TestDatabase.newDatabase(),
                "cloudwarden.db.user=postgres",
                "cloudwarden.db.password=",
                "cloudwarden.db.app-password=test-app-password",
                "cloudwarden.db.pool-size=6",
                // the shared embedded PostgreSQL stops in its own JVM shutdown hook, while Spring closes the cached
                // contexts in another; beans that touch the database on close must not wait 30 s each for it
                "cloudwarden.db.connection-timeout=3s",
                "cloudwarden.secrets.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "cloudwarden.identity.admin-password=" + ADMIN_PASSWORD,
                "cloudwarden.identity.bootstrap-tenant=Test",
                "cloudwarden.identity.bootstrap-on-start=true",
                "cloudwarden.accounts.poll-interval=200ms",
                "cloudwarden.accounts.retry-base=1s",
                "cloudwarden.accounts.retry-cap=4s",
                "logging.level.io.cloudwarden=warn"
        ).applyTo(context);
        // tests log in and call far more often than people do; a test of the limits sets its own
        for (String limit : new String[] {"cloudwarden.identity.rate-limit.requests-per-minute",
                "cloudwarden.identity.rate-limit.login-attempts-per-minute"}) {
            if (!context.getEnvironment().containsProperty(limit)) {
                TestPropertyValues.of(limit + "=1000000").applyTo(context);
            }
        }
    }
}
