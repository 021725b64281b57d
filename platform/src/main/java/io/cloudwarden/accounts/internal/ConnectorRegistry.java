package io.cloudwarden.accounts.internal;

import io.cloudwarden.accounts.AccountsErrorCode;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.ConnectorPlugin;
import io.cloudwarden.shared.CloudwardenException;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The connector types found on the class path through {@link ServiceLoader}, by name. */
@Component
public class ConnectorRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, ConnectorFactory> factories = new TreeMap<>();

    ConnectorRegistry() {
        for (ConnectorPlugin plugin : ServiceLoader.load(ConnectorPlugin.class)) {
            for (ConnectorFactory f : plugin.factories()) {
                ConnectorFactory previous = factories.putIfAbsent(f.name(), f);
                if (previous != null) {
                    throw new IllegalStateException("two connector plugins both offer a connector named '" + f.name() + "'");
                }
            }
        }
        log.info("Connectors available: {}", factories.keySet());
    }

    public Collection<ConnectorFactory> all() {
        return factories.values();
    }

    /** The factory named {@code name}, or an UNKNOWN_CONNECTOR error listing the known ones. */
    public ConnectorFactory require(String name) {
        ConnectorFactory f = name == null ? null : factories.get(name);
        if (f == null) {
            throw new CloudwardenException(AccountsErrorCode.UNKNOWN_CONNECTOR,
                    "unknown connector '" + name + "'; available: " + String.join(", ", factories.keySet()));
        }
        return f;
    }
}
