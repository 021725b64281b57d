package io.cloudwarden.connector.spi;

/**
 * One problem with a connector configuration.
 *
 * @param field   the {@link ConfigProperty#key()} at fault, or {@code null} for the configuration as a whole
 * @param message what is wrong, phrased to follow the field name ("must be at least 1")
 */
public record ConfigError(String field, String message) {
}
