package io.cloudwarden.connector.spi;

import java.util.Set;

/**
 * A connector instance bound to one cloud account. Instances are created per sync and closed afterwards.
 * Capability providers are optional: a connector returns them only for the capabilities it declares and
 * throws {@link UnsupportedOperationException} for the others.
 */
public interface Connector extends AutoCloseable {

    /** The capabilities this instance supports. */
    Set<Capability> capabilities();

    /** Checks credentials and reachability with the cheapest real call the provider offers. */
    ConnectionCheck testConnection();

    /** Resource discovery. */
    default InventoryProvider inventory() {
        throw new UnsupportedOperationException("this connector does not provide inventory");
    }

    /** Cost export files: the billing data exactly as the provider delivers it. */
    default CostExportProvider costs() {
        throw new UnsupportedOperationException("this connector does not provide costs");
    }

    /** Releases clients and threads. Must not throw for an already-closed connector. */
    @Override
    default void close() {
    }
}
