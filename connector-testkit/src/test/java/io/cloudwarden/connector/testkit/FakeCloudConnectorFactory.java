package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.Capability;
import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConfigError;
import io.cloudwarden.connector.spi.ConfigProperty;
import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorException;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.InventoryProvider;
import io.cloudwarden.connector.spi.ResourceRelation;

import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;
import io.cloudwarden.connector.spi.CostExportProvider;
import io.cloudwarden.connector.spi.CostExportRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny in-memory connector for the kit's own tests; each {@link Flaw} breaks exactly one SPI rule. */
class FakeCloudConnectorFactory implements ConnectorFactory {

    enum Flaw { NONE, BAD_NAME, LEAKS_SECRET, DUPLICATE_IDS, NON_DETERMINISTIC, INVALID_JSON, CONNECTION_FAILS,
        UNDECLARED_ACCESSOR_WORKS, REJECTS_VALID_CONFIG,
        VALIDATE_CRASHES_ON_EMPTY, BAD_DEFAULT, NOT_REGISTERED,
        COSTS_NON_DETERMINISTIC, FOCUS_HEADER_INCOMPLETE, IGNORES_SEEN_FILES, COST_FILE_UNREADABLE }

    private static final AtomicInteger RUNS = new AtomicInteger();
    private final Flaw flaw;

    FakeCloudConnectorFactory(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public String name() {
        return switch (flaw) {
            case BAD_NAME -> "Fake Cloud";
            case NOT_REGISTERED -> "fake-unregistered";
            default -> "fake-cloud";
        };
    }

    @Override
    public String displayName() {
        return "Fake cloud";
    }

    @Override
    public String description() {
        return "An in-memory connector used to test the compatibility kit.";
    }

    @Override
    public Set<CloudProvider> providers() {
        return Set.of(CloudProvider.AWS);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.INVENTORY, Capability.COSTS);
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(ConfigProperty.string("account", "Account", "Account id.", true),
                ConfigProperty.secret("token", "Token", "API token.", true),
                ConfigProperty.integer("size", "Size", "Resources to report.", 0, 100, flaw == Flaw.BAD_DEFAULT ? 300 : 3));
    }

    @Override
    public List<ConfigError> validate(ConnectorConfig config) {
        if (flaw == Flaw.VALIDATE_CRASHES_ON_EMPTY && config.require("account").isBlank()) {
            return List.of();
        }
        return flaw == Flaw.REJECTS_VALID_CONFIG ? List.of(new ConfigError("account", "is not liked")) : List.of();
    }

    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        String token = config.get("token").orElse("");
        int size = (int) Math.min(config.getLong("size", 3), 100);
        return new FakeConnector(token, size);
    }

    private final class FakeConnector implements Connector, InventoryProvider, CostExportProvider {
        private final String token;
        private final int size;

        FakeConnector(String token, int size) {
            this.token = token;
            this.size = size;
        }

        /** With UNDECLARED_ACCESSOR_WORKS the instance declares nothing yet still hands out inventory. */
        @Override
        public Set<Capability> capabilities() {
            return flaw == Flaw.UNDECLARED_ACCESSOR_WORKS ? Set.of() : Set.of(Capability.INVENTORY, Capability.COSTS);
        }

        @Override
        public CostExportProvider costs() {
            return this;
        }

        /** Two monthly FOCUS files of one row each. */
        @Override
        public List<CostExportFile> listExports(CostExportRequest request) {
            int run = RUNS.incrementAndGet();
            List<CostExportFile> files = new ArrayList<>();
            for (YearMonth month : List.of(YearMonth.of(2025, 11), YearMonth.of(2025, 12))) {
                List<String> columns = new ArrayList<>(CostExportChecks.MANDATORY_FOCUS_COLUMNS);
                if (flaw == Flaw.FOCUS_HEADER_INCOMPLETE) {
                    columns.remove("BilledCost");
                }
                String row = columns.stream().map(c -> c.equals("BillingPeriodStart") ? month.atDay(1) + "T00:00:00Z" : "1")
                        .collect(Collectors.joining(","));
                byte[] content = (String.join(",", columns) + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
                String key = "exports/" + month + ".csv";
                String fingerprint = flaw == Flaw.COSTS_NON_DETERMINISTIC ? "etag-" + run : "etag-" + month;
                if (flaw != Flaw.IGNORES_SEEN_FILES && request.alreadySeen(key, fingerprint) || !request.covers(month)) {
                    continue;
                }
                files.add(new CostExportFile(key, "fake-billing", month, CostExportFormat.FOCUS_1_2, "none",
                        content.length, fingerprint, () -> {
                            if (flaw == Flaw.COST_FILE_UNREADABLE) {
                                throw new IOException("access denied");
                            }
                            return new ByteArrayInputStream(content);
                        }));
            }
            return files;
        }

        @Override
        public ConnectionCheck testConnection() {
            if (flaw == Flaw.CONNECTION_FAILS) {
                return ConnectionCheck.failure(ConnectorException.Kind.AUTHENTICATION, "rejected");
            }
            return ConnectionCheck.success("connected", Map.of("account", "fake"));
        }

        @Override
        public InventoryProvider inventory() {
            return this;
        }

        @Override
        public void collect(io.cloudwarden.connector.spi.InventoryRequest request,
                            io.cloudwarden.connector.spi.ResourceSink sink) {
            int run = RUNS.incrementAndGet();
            for (int i = 0; i < size; i++) {
                String id = "arn:aws:fake:::thing/" + (flaw == Flaw.DUPLICATE_IDS ? 0 : i);
                String json = flaw == Flaw.INVALID_JSON ? "{\"id\": " : "{\"id\":\"" + id + "\"}";
                Map<String, String> tags = Map.of("owner", flaw == Flaw.LEAKS_SECRET ? token : "team-a",
                        "run", flaw == Flaw.NON_DETERMINISTIC ? Integer.toString(run) : "1");
                sink.accept(new DiscoveredResource(CloudProvider.AWS, id, "Fake::Thing", "thing-" + i, "us-east-1",
                        "available", null, tags, json, List.of(new ResourceRelation("in-network", "arn:aws:fake:::net/0"))));
            }
        }
    }
}
