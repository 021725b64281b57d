package io.cloudwarden.connector.spi;

import java.util.Locale;

/** The cloud (or platform) that owns a resource; half of the resource key {@code (provider, nativeId)}. */
public enum CloudProvider {
    AWS, AZURE, GCP, KUBERNETES;

    /** Parses a provider name case-insensitively ("aws", "Azure", ...). */
    public static CloudProvider parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("provider is required");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown provider '" + value + "'; expected one of aws, azure, gcp, kubernetes");
        }
    }

    /** Lower-case wire name used in APIs and CLI options. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
