package io.cloudwarden.connector.spi;

import java.util.List;
import java.util.Set;

/**
 * Describes one connector type and creates connector instances for registered cloud accounts.
 * The platform generates its onboarding form from {@link #configProperties()} and validates every
 * account's configuration against it before {@link #create} is called.
 */
public interface ConnectorFactory {

    /** Stable machine name, e.g. {@code "simulator"} or {@code "aws"}; lower case, no spaces. */
    String name();

    /** Human name shown in the UI. */
    String displayName();

    /** One-paragraph description shown in the UI. */
    String description();

    /** The providers whose resources this connector reports. */
    Set<CloudProvider> providers();

    /** Capabilities every connector of this type has. */
    Set<Capability> capabilities();

    /** The configuration this connector type takes, in display order. */
    List<ConfigProperty> configProperties();

    /**
     * Cross-field validation beyond what {@link ConfigProperty} checks per field (types, required,
     * allowed values), which the platform performs first. Returns every problem found, never just the first.
     */
    default List<ConfigError> validate(ConnectorConfig config) {
        return List.of();
    }

    /**
     * Creates a connector for one account. The configuration has already been validated. Must not do
     * network I/O; {@link Connector#testConnection()} does that.
     */
    Connector create(ConnectorConfig config, ConnectorContext context);
}
