package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.Capability;
import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConfigError;
import io.cloudwarden.connector.spi.ConfigProperty;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code simulator} connector type: a synthetic AWS, Azure or GCP account. */
public final class SimulatorConnectorFactory implements ConnectorFactory {

    static final String PROVIDER = "provider";
    static final String ACCOUNT_ID = "accountId";
    static final String REGIONS = "regions";
    static final String RESOURCES = "resources";
    static final String SEED = "seed";
    static final String CHANGE_RATE = "changeRate";
    static final String ACCESS_SECRET = "accessSecret";
    static final String FAULT_INJECTION = "faultInjection";
    static final String BILLING_ACCOUNT_ID = "billingAccountId";
    static final String COST_TODAY = "costToday";
    static final String COST_ROWS_PER_DAY = "costRowsPerDay";
    static final String DEFAULT_COST_TODAY = "2026-01-01";

    private static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.oneOf(PROVIDER, "Provider", "The cloud the simulated account imitates.", true,
                    List.of("aws", "azure", "gcp")),
            ConfigProperty.string(ACCOUNT_ID, "Account id",
                    "AWS 12-digit account id, Azure subscription id (GUID) or GCP project id.", true),
            ConfigProperty.list(REGIONS, "Regions",
                    "Comma-separated region names; empty for two default regions of the provider.", false, null),
            ConfigProperty.integer(RESOURCES, "Resources",
                    "Approximate number of resources in the account at the first sync.", 0, 1_000_000, 1000),
            ConfigProperty.integer(SEED, "Seed", "Seed of the synthetic estate; same seed, same estate.",
                    0, Integer.MAX_VALUE, 42),
            ConfigProperty.integer(CHANGE_RATE, "Change rate (per mille)",
                    "Per mille of resources modified at each later sync; a fifth as many are deleted, a third as many created.",
                    0, 100, 10),
            ConfigProperty.secret(ACCESS_SECRET, "Access secret",
                    "Simulated credential; values starting with 'invalid' are rejected.", true),
            new ConfigProperty(FAULT_INJECTION, "Fault injection",
                    "Failure to simulate: none, auth (credentials rejected) or transient-midway (fails after half the resources).",
                    ConfigProperty.Type.ENUM, false, false, "none", List.of("none", "auth", "transient-midway"), null, null),
            ConfigProperty.string(BILLING_ACCOUNT_ID, "Billing account id",
                    "Billing account the simulated costs are billed to; empty for one shared by all simulated "
                            + "accounts of the provider with the same seed.", false),
            new ConfigProperty(COST_TODAY, "Cost export today",
                    "The simulation's today (YYYY-MM-DD): daily FOCUS cost files cover the 13 billing periods up to yesterday.",
                    ConfigProperty.Type.STRING, false, false, DEFAULT_COST_TODAY, List.of(), null, null),
            ConfigProperty.integer(COST_ROWS_PER_DAY, "Cost rows per day",
                    "Approximate number of FOCUS cost rows per day of the account.", 10, 1_000_000, 80));

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String displayName() {
        return "Simulator";
    }

    @Override
    public String description() {
        return "A deterministic synthetic AWS, Azure or GCP account that evolves at every sync: resources are "
                + "modified, deleted and created at a configurable rate, with 13 months of daily FOCUS 1.2 cost files. Used for demos, tests and benchmarks.";
    }

    @Override
    public Set<CloudProvider> providers() {
        return Set.of(CloudProvider.AWS, CloudProvider.AZURE, CloudProvider.GCP);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.INVENTORY, Capability.COSTS);
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return PROPERTIES;
    }

    @Override
    public List<ConfigError> validate(ConnectorConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        Optional<SimulatedCloud> cloud = config.get(PROVIDER).flatMap(SimulatorConnectorFactory::cloud);
        if (cloud.isEmpty()) {
            return errors; // the per-field check already reports a missing or unknown provider
        }
        config.get(ACCOUNT_ID).filter(id -> !cloud.get().accountIdFits(id))
                .ifPresent(id -> errors.add(new ConfigError(ACCOUNT_ID, cloud.get().accountProblem())));
        List<String> unknown = config.getList(REGIONS).stream()
                .filter(r -> !cloud.get().knownRegions().contains(r)).toList();
        if (!unknown.isEmpty()) {
            errors.add(new ConfigError(REGIONS, "contains unknown " + cloud.get().wireName() + " region(s) "
                    + String.join(", ", unknown) + "; known: " + String.join(", ", cloud.get().knownRegions())));
        }
        config.get(COST_TODAY).filter(t -> !isDate(t)).ifPresent(t -> errors.add(new ConfigError(COST_TODAY,
                "must be a date such as 2026-01-01")));
        config.get(BILLING_ACCOUNT_ID).filter(b -> !b.matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}"))
                .ifPresent(b -> errors.add(new ConfigError(BILLING_ACCOUNT_ID,
                        "must be letters, digits and hyphens (at most 64)")));
        return errors;
    }

    private static boolean isDate(String text) {
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(text);
            return date.getYear() >= 2000 && date.getYear() <= 2100;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new SimulatorConnector(SimulatorSettings.from(config));
    }

    private static Optional<SimulatedCloud> cloud(String wireName) {
        try {
            return Optional.of(SimulatedCloud.fromWireName(wireName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
