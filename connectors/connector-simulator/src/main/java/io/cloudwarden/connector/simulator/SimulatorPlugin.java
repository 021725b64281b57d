package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.ConnectorPlugin;

import java.util.List;

/** Registers the {@code simulator} connector type with {@link java.util.ServiceLoader}. */
public final class SimulatorPlugin implements ConnectorPlugin {

    @Override
    public List<ConnectorFactory> factories() {
        return List.of(new SimulatorConnectorFactory());
    }
}
