package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.InventoryRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints generation throughput for 200,000 resources per provider (a figure to read, not a timing assertion),
 * and checks that a 1,000,000-resource estate streams completely. Also runnable as a plain {@code main}.
 */
class SimulatorThroughputTest {

    static final String ACCOUNT_AWS = "123456789012";
    static final String ACCOUNT_AZURE = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String ACCOUNT_GCP = "acme-prod-231";

    static Map<String, String> config(String provider, long resources) {
        String account = switch (provider) {
            case "aws" -> ACCOUNT_AWS;
            case "azure" -> ACCOUNT_AZURE;
            default -> ACCOUNT_GCP;
        };
        return Map.of("provider", provider, "accountId", account, "resources", Long.toString(resources),
                "accessSecret", "s3cr3t-simulated-credential");
    }

    static long count(Map<String, String> raw, long sync) {
        SimulatorConnectorFactory factory = new SimulatorConnectorFactory();
        long[] count = {0};
        try (var connector = factory.create(ConnectorConfig.of(raw, factory.configProperties()),
                new ConnectorContext("bench", Clock.systemUTC()))) {
            connector.inventory().collect(new InventoryRequest(sync, Instant.EPOCH), r -> count[0]++);
        }
        return count[0];
    }

    @Test
    void printsThroughputFor200kResources() {
        for (String provider : new String[]{"aws", "azure", "gcp"}) {
            count(config(provider, 20_000), 1); // warm-up
            long start = System.nanoTime();
            long n = count(config(provider, 200_000), 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH simulator provider=%s resources=%d seconds=%.2f resourcesPerSecond=%.0f%n",
                    provider, n, seconds, n / seconds);
            assertThat(n).isEqualTo(200_000);
        }
    }

    @Test
    void streamsOneMillionResources() {
        assertThat(count(config("aws", 1_000_000), 1)).isEqualTo(1_000_000);
    }

    public static void main(String[] args) {
        new SimulatorThroughputTest().printsThroughputFor200kResources();
    }
}
