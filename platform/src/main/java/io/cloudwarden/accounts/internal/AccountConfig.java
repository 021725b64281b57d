package io.cloudwarden.accounts.internal;

import io.cloudwarden.accounts.AccountsErrorCode;
import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConfigError;
import io.cloudwarden.connector.spi.ConfigProperty;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account's connector configuration split into plain values (stored as JSON, returned by the API) and
 * secret values (stored encrypted, never returned), validated against the connector's metadata.
 */
record AccountConfig(Map<String, String> plain, Map<String, String> secrets) {

    /**
     * Splits and validates raw values, reporting every problem at once: unknown keys, missing required
     * fields, type and range errors, and the connector's own cross-field checks.
     */
    static AccountConfig validate(ConnectorFactory factory, Map<String, String> raw) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ConfigProperty> byKey = new TreeMap<>();
        factory.configProperties().forEach(p -> byKey.put(p.key(), p));
        raw.keySet().stream().filter(k -> !byKey.containsKey(k)).sorted()
                .forEach(k -> problems.add(new FieldProblem("config." + k, "is not a setting of connector '" + factory.name() + "'")));
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        for (ConfigProperty p : factory.configProperties()) {
            String value = raw.get(p.key());
            p.check(value).ifPresent(msg -> problems.add(new FieldProblem("config." + p.key(), msg)));
            if (value != null && !value.isBlank()) {
                (p.secret() ? secrets : plain).put(p.key(), value.trim());
            }
        }
        if (problems.isEmpty()) {
            for (ConfigError e : factory.validate(ConnectorConfig.of(raw, factory.configProperties()))) {
                problems.add(new FieldProblem(e.field() == null ? "config" : "config." + e.field(), e.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CloudwardenException(AccountsErrorCode.INVALID_ACCOUNT_CONFIG,
                    "the configuration for connector '" + factory.name() + "' has " + problems.size() + " problem(s)", problems);
        }
        return new AccountConfig(plain, secrets);
    }

    /** The configuration handed to the connector: plain and secret values with defaults applied. */
    ConnectorConfig toConnectorConfig(ConnectorFactory factory) {
        Map<String, String> all = new TreeMap<>(plain);
        all.putAll(secrets);
        return ConnectorConfig.of(all, factory.configProperties());
    }

    /** The provider of an account: the connector's only provider, or the {@code provider} setting. */
    CloudProvider provider(ConnectorFactory factory) {
        if (factory.providers().size() == 1) {
            return factory.providers().iterator().next();
        }
        String configured = plain.get("provider");
        if (configured == null) {
            throw new CloudwardenException(AccountsErrorCode.INVALID_ACCOUNT_CONFIG, "connector '" + factory.name()
                    + "' serves several providers; set config.provider",
                    List.of(new FieldProblem("config.provider", "is required")));
        }
        return CloudProvider.parse(configured);
    }
}
