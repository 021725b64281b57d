package io.cloudwarden.connector.spi;

import java.util.List;

/**
 * Entry point of a connector jar, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.cloudwarden.connector.spi.ConnectorPlugin}. One plugin may offer several
 * connector types.
 */
public interface ConnectorPlugin {

    /** The connector types this plugin offers; names must be unique across all plugins. */
    List<ConnectorFactory> factories();
}
