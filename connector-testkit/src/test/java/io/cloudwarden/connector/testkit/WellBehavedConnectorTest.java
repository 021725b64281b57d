package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.ConnectorFactory;

import java.util.Map;

/** A connector that honours the SPI passes every kit test. */
class WellBehavedConnectorTest extends ConnectorCompatibilityKit {

    @Override
    protected ConnectorFactory factory() {
        return new FakeCloudConnectorFactory(FakeCloudConnectorFactory.Flaw.NONE);
    }

    @Override
    protected Map<String, String> validConfig() {
        return Map.of("account", "acct-1", "token", "tok-5ecr3t-value");
    }
}
