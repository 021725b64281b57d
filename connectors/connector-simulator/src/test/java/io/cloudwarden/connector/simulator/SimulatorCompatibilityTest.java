package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.testkit.ConnectorCompatibilityKit;
import org.junit.jupiter.api.Nested;

import java.util.Map;

/** The simulator passes the connector compatibility kit for each provider it imitates. */
class SimulatorCompatibilityTest {

    abstract static class SimulatorKit extends ConnectorCompatibilityKit {

        abstract String provider();

        abstract String accountId();

        @Override
        protected ConnectorFactory factory() {
            return new SimulatorConnectorFactory();
        }

        @Override
        protected Map<String, String> validConfig() {
            return Map.of("provider", provider(), "accountId", accountId(), "resources", "600",
                    "changeRate", "20", "accessSecret", "sim-Secret-7f3a9c2e51");
        }
    }

    @Nested
    class Aws extends SimulatorKit {
        @Override
        String provider() {
            return "aws";
        }

        @Override
        String accountId() {
            return SimulatorThroughputTest.ACCOUNT_AWS;
        }
    }

    @Nested
    class Azure extends SimulatorKit {
        @Override
        String provider() {
            return "azure";
        }

        @Override
        String accountId() {
            return SimulatorThroughputTest.ACCOUNT_AZURE;
        }
    }

    @Nested
    class Gcp extends SimulatorKit {
        @Override
        String provider() {
            return "gcp";
        }

        @Override
        String accountId() {
            return SimulatorThroughputTest.ACCOUNT_GCP;
        }
    }
}
