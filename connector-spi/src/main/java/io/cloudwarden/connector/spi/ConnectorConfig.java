package io.cloudwarden.connector.spi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of one account's connector: plain values and decrypted secrets, keyed by
 * {@link ConfigProperty#key()}, with declared defaults applied. Its {@link #toString()} never shows values,
 * so a configuration that reaches a log leaks no secret.
 */
public final class ConnectorConfig {

    private final Map<String, String> values;

    private ConnectorConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Builds a configuration from raw values, filling in defaults declared by {@code properties}. */
    public static ConnectorConfig of(Map<String, String> raw, List<ConfigProperty> properties) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (ConfigProperty p : properties) {
            String v = raw.get(p.key());
            if (v != null && !v.isBlank()) {
                merged.put(p.key(), v.trim());
            } else if (p.defaultValue() != null) {
                merged.put(p.key(), p.defaultValue());
            }
        }
        return new ConnectorConfig(merged);
    }

    /** The value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key}; throws if missing (validation should have prevented that). */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("configuration '" + key + "' is missing"));
    }

    /** The value of an integer field. */
    public long getLong(String key, long fallback) {
        return get(key).map(Long::parseLong).orElse(fallback);
    }

    /** The value of a boolean field. */
    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** The items of a comma-separated list field, trimmed, empty items dropped. */
    public List<String> getList(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** The keys that have a value. */
    public java.util.Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectorConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "ConnectorConfig" + values.keySet();
    }
}
