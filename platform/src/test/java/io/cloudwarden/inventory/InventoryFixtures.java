package io.cloudwarden.inventory;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.ConnectorPlugin;
import io.cloudwarden.connector.spi.InventoryRequest;
import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.Consumer;

/** Test tenants and simulated accounts for inventory tests. */
final class InventoryFixtures {

    static final String PASSWORD = "inventory-test-password";

    private InventoryFixtures() {
    }

    /** A fresh tenant with one user, so every test starts from an empty inventory. */
    static TestTenant newTenant(IdentityManagement identity) {
        String name = "inv-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = identity.createTenant(name, "CUSTOMER", null).id();
        identity.createUser(tenant, name, PASSWORD, List.of("ADMIN"));
        return new TestTenant(tenant, name);
    }

    /** A simulator account reached through the connector SPI, as the accounts module does. */
    static Consumer<ResourceSink> simulator(String provider, String accountId, int resources, long seed, int changeRate,
                                            String fault, long syncSequence) {
        ConnectorFactory factory = ServiceLoader.load(ConnectorPlugin.class).stream()
                .flatMap(p -> p.get().factories().stream())
                .filter(f -> f.name().equals("simulator")).findFirst().orElseThrow();
        ConnectorConfig config = ConnectorConfig.of(Map.of("provider", provider, "accountId", accountId,
                "resources", Integer.toString(resources), "seed", Long.toString(seed), "changeRate", Integer.toString(changeRate),
                "accessSecret", "s3cret", "faultInjection", fault), factory.configProperties());
        var connector = factory.create(config, new ConnectorContext("sim " + accountId, Clock.systemUTC()));
        return sink -> connector.inventory().collect(new InventoryRequest(syncSequence, Instant.now()), sink);
    }

    static IngestionRequest request(TenantId tenant, UUID account, CloudProvider provider, Instant at) {
        return new IngestionRequest(tenant, account, "Account " + account.toString().substring(0, 4), provider,
                UUID.randomUUID(), at, IngestionProgress.NONE);
    }

    record TestTenant(TenantId id, String username) {
    }
}
