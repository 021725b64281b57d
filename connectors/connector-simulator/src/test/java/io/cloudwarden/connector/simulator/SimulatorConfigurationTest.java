package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConfigError;
import io.cloudwarden.connector.spi.ConnectorConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Cross-field validation of the simulator configuration: account id format and region names per provider. */
class SimulatorConfigurationTest {

    private final SimulatorConnectorFactory factory = new SimulatorConnectorFactory();

    private List<ConfigError> validate(String provider, String accountId, String regions) {
        Map<String, String> raw = new HashMap<>(Map.of("provider", provider, "accountId", accountId, "accessSecret", "x"));
        if (regions != null) {
            raw.put("regions", regions);
        }
        return factory.validate(ConnectorConfig.of(raw, factory.configProperties()));
    }

    @Test
    void wellFormedAccountsAndRegionsPass() {
        assertThat(validate("aws", "123456789012", "us-east-1, eu-central-1")).isEmpty();
        assertThat(validate("azure", "0b1f6471-1bf0-4dda-aec3-111122223333", "westeurope")).isEmpty();
        assertThat(validate("gcp", "acme-prod-231", null)).isEmpty();
    }

    @Test
    void badAccountIdAndRegionAreReportedTogetherPerField() {
        assertThat(validate("aws", "12345", "us-east-1,mars-north-1"))
                .extracting(ConfigError::field).containsExactly("accountId", "regions");
        assertThat(validate("azure", "not-a-guid", "eastus,us-east-1"))
                .extracting(ConfigError::field).containsExactly("accountId", "regions");
        List<ConfigError> gcp = validate("gcp", "123456789012", "westeurope");
        assertThat(gcp).extracting(ConfigError::field).containsExactly("accountId", "regions");
        assertThat(gcp.get(0).message()).contains("GCP project id");
        assertThat(gcp.get(1).message()).contains("westeurope");
    }

    @Test
    void accountIdFormatsDoNotCarryOverBetweenProviders() {
        assertThat(validate("gcp", "0b1f6471-1bf0-4dda-aec3-111122223333", null)).extracting(ConfigError::field)
                .containsExactly("accountId");
        assertThat(validate("azure", "123456789012", null)).extracting(ConfigError::field).containsExactly("accountId");
        assertThat(validate("aws", "acme-prod-231", null)).extracting(ConfigError::field).containsExactly("accountId");
    }

    @Test
    void perFieldChecksRejectOutOfRangeValues() {
        var byKey = new HashMap<String, io.cloudwarden.connector.spi.ConfigProperty>();
        factory.configProperties().forEach(p -> byKey.put(p.key(), p));
        assertThat(byKey.get("resources").check("1000001")).isPresent();
        assertThat(byKey.get("changeRate").check("101")).isPresent();
        assertThat(byKey.get("faultInjection").check("sometimes")).isPresent();
        assertThat(byKey.get("provider").check("kubernetes")).isPresent();
        assertThat(factory.configProperties()).extracting(p -> p.key()).containsExactly("provider", "accountId",
                "regions", "resources", "seed", "changeRate", "accessSecret", "faultInjection", "billingAccountId",
                "costToday", "costRowsPerDay");
        assertThat(byKey.get("costRowsPerDay").check("9")).isPresent();
        assertThat(byKey.get("costRowsPerDay").check("1000001")).isPresent();
    }

    @Test
    void costSettingsAreValidatedTogether() {
        Map<String, String> raw = new HashMap<>(Map.of("provider", "aws", "accountId", "123456789012", "accessSecret", "x",
                "costToday", "2026-13-01", "billingAccountId", "payer account!"));
        assertThat(factory.validate(ConnectorConfig.of(raw, factory.configProperties()))).extracting(ConfigError::field)
                .containsExactly("costToday", "billingAccountId");
        raw.putAll(Map.of("costToday", "2025-07-15", "billingAccountId", "PAYER-1"));
        assertThat(factory.validate(ConnectorConfig.of(raw, factory.configProperties()))).isEmpty();
    }
}
