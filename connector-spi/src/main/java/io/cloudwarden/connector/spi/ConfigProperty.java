package io.cloudwarden.connector.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata of one configuration field of a connector type.
 *
 * @param key           stable key, e.g. {@code "roleArn"}
 * @param label         short label for forms
 * @param help          one sentence of help text
 * @param type          value type, checked by {@link #check(String)}
 * @param required      whether a value must be given
 * @param secret        write-only: stored encrypted, never returned, never logged
 * @param defaultValue  value used when none is given, or {@code null}
 * @param allowedValues for {@link Type#ENUM}: the allowed values; empty otherwise
 * @param min           for {@link Type#INTEGER}: smallest allowed value, or {@code null}
 * @param max           for {@link Type#INTEGER}: largest allowed value, or {@code null}
 */
public record ConfigProperty(String key, String label, String help, Type type, boolean required, boolean secret,
                             String defaultValue, List<String> allowedValues, Long min, Long max) {

    /** Value types a connector may declare. */
    public enum Type { STRING, INTEGER, BOOLEAN, ENUM, LIST }

    public ConfigProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        label = label == null ? key : label;
        help = help == null ? "" : help;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    /** A plain string field. */
    public static ConfigProperty string(String key, String label, String help, boolean required) {
        return new ConfigProperty(key, label, help, Type.STRING, required, false, null, List.of(), null, null);
    }

    /** A write-only secret field. */
    public static ConfigProperty secret(String key, String label, String help, boolean required) {
        return new ConfigProperty(key, label, help, Type.STRING, required, true, null, List.of(), null, null);
    }

    /** An integer field with bounds and a default. */
    public static ConfigProperty integer(String key, String label, String help, long min, long max, long defaultValue) {
        return new ConfigProperty(key, label, help, Type.INTEGER, false, false, Long.toString(defaultValue), List.of(), min, max);
    }

    /** A field whose value is one of {@code allowed}. */
    public static ConfigProperty oneOf(String key, String label, String help, boolean required, List<String> allowed) {
        return new ConfigProperty(key, label, help, Type.ENUM, required, false, null, allowed, null, null);
    }

    /** A comma-separated list field with a default. */
    public static ConfigProperty list(String key, String label, String help, boolean required, String defaultValue) {
        return new ConfigProperty(key, label, help, Type.LIST, required, false, defaultValue, List.of(), null, null);
    }

    /**
     * Checks one value against this property's type and constraints.
     *
     * @param value the raw value, or {@code null} / blank when not given
     * @return a human-readable problem, or empty when the value is acceptable
     */
    public Optional<String> check(String value) {
        if (value == null || value.isBlank()) {
            return required && defaultValue == null ? Optional.of("is required") : Optional.empty();
        }
        value = value.trim();
        switch (type) {
            case INTEGER -> {
                long parsed;
                try {
                    parsed = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return Optional.of("must be a whole number");
                }
                if (min != null && parsed < min) {
                    return Optional.of("must be at least " + min);
                }
                if (max != null && parsed > max) {
                    return Optional.of("must be at most " + max);
                }
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return Optional.of("must be true or false");
                }
            }
            case ENUM -> {
                if (!allowedValues.contains(value)) {
                    return Optional.of("must be one of " + String.join(", ", allowedValues));
                }
            }
            case STRING, LIST -> {
                if (value.length() > 4096) {
                    return Optional.of("must be at most 4096 characters");
                }
            }
        }
        return Optional.empty();
    }
}
