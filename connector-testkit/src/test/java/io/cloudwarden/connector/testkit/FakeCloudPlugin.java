package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.ConnectorPlugin;

import java.util.List;

/** Registers the well-behaved fake connector for the kit's own tests. */
public class FakeCloudPlugin implements ConnectorPlugin {
    @Override
    public List<ConnectorFactory> factories() {
        return List.of(new FakeCloudConnectorFactory(FakeCloudConnectorFactory.Flaw.NONE));
    }
}
