package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectorConfig;

import java.time.LocalDate;
import java.util.List;

/**
 * A simulator configuration parsed from a validated {@link ConnectorConfig}. It deliberately holds no
 * credential: only whether the simulated credential would be rejected.
 *
 * @param cloud              the imitated cloud
 * @param accountId          account id, subscription id or project id
 * @param regions            regions the estate spreads over
 * @param resources          approximate resource count at sync 1
 * @param seed               randomness seed
 * @param changeRatePerMille share of resources modified per later sync, in per mille
 * @param credentialRejected whether the simulated credential is rejected
 * @param fault              injected failure
 * @param billingAccountId   the billing account the costs are billed to, or null for the one derived from seed
 *                           and provider (so all accounts of a provider with the same seed share it)
 * @param costToday          the simulation's "today" for cost exports: files cover 13 billing periods up to
 *                           yesterday
 * @param costRowsPerDay     approximate number of cost rows per day of the account
 */
record SimulatorSettings(SimulatedCloud cloud, String accountId, List<String> regions, long resources, long seed,
                         int changeRatePerMille, boolean credentialRejected, FaultInjection fault,
                         String billingAccountId, LocalDate costToday, int costRowsPerDay) {

    static SimulatorSettings from(ConnectorConfig config) {
        SimulatedCloud cloud = SimulatedCloud.fromWireName(config.require(SimulatorConnectorFactory.PROVIDER));
        List<String> regions = config.getList(SimulatorConnectorFactory.REGIONS);
        String secret = config.get(SimulatorConnectorFactory.ACCESS_SECRET).orElse("");
        return new SimulatorSettings(cloud, config.require(SimulatorConnectorFactory.ACCOUNT_ID),
                regions.isEmpty() ? cloud.defaultRegions() : regions,
                config.getLong(SimulatorConnectorFactory.RESOURCES, 1000),
                config.getLong(SimulatorConnectorFactory.SEED, 42),
                (int) config.getLong(SimulatorConnectorFactory.CHANGE_RATE, 10),
                secret.startsWith("invalid"),
                FaultInjection.fromWireName(config.get(SimulatorConnectorFactory.FAULT_INJECTION).orElse("none")),
                config.get(SimulatorConnectorFactory.BILLING_ACCOUNT_ID).orElse(null),
                LocalDate.parse(config.get(SimulatorConnectorFactory.COST_TODAY)
                        .orElse(SimulatorConnectorFactory.DEFAULT_COST_TODAY)),
                (int) config.getLong(SimulatorConnectorFactory.COST_ROWS_PER_DAY, 80));
    }
}
