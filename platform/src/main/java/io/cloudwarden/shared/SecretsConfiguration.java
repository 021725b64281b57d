package io.cloudwarden.shared;

import io.cloudwarden.shared.persistence.DatabaseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link SecretCipher} with the master key from {@code cloudwarden.secrets.master-key}
 * ({@code CLOUDWARDEN_SECRETS_MASTER_KEY}, base64 of 32 bytes). With the embedded database and no key
 * configured, a key is generated once and kept beside the data ({@code master.key}, mode 600); an external
 * database requires the key to be configured, so every replica shares it.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretCipher secretCipher(@Value("${cloudwarden.secrets.master-key:}") String configured, DatabaseProperties db) {
        SecretCipher cipher = new SecretCipher(masterKey(configured, db));
        log.info("Secrets are envelope-encrypted under master key {}", cipher.masterKeyId());
        return cipher;
    }

    private static byte[] masterKey(String configured, DatabaseProperties db) {
        if (configured != null && !configured.isBlank()) {
            try {
                return Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cloudwarden.secrets.master-key must be base64 of 32 random bytes");
            }
        }
        if (!db.embedded()) {
            throw new IllegalStateException("CLOUDWARDEN_SECRETS_MASTER_KEY is required with an external database "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        Path file = db.dataDir().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the master key in " + file, e);
        }
    }
}
