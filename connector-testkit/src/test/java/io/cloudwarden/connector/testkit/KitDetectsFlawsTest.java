package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.ConnectorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs the kit against connectors with one flaw each and checks that the matching kit test fails. */
class KitDetectsFlawsTest {

    @ParameterizedTest
    @CsvSource({
            "BAD_NAME, factoryMetadataIsWellFormed",
            "LEAKS_SECRET, secretsNeverLeak",
            "DUPLICATE_IDS, inventoryResourcesAreWellFormed",
            "NON_DETERMINISTIC, inventoryIsDeterministic",
            "INVALID_JSON, inventoryResourcesAreWellFormed",
            "CONNECTION_FAILS, testConnectionSucceedsForTheValidConfiguration",
            "UNDECLARED_ACCESSOR_WORKS, capabilityAccessorsMatchDeclaredCapabilities",
            "REJECTS_VALID_CONFIG, validConfigurationHasNoErrors",
            "VALIDATE_CRASHES_ON_EMPTY, emptyConfigurationReportsEveryRequiredFieldAtOnce",
            "BAD_DEFAULT, requiredPropertiesWithoutDefaultAreReportedMissing",
            "NOT_REGISTERED, factoryIsDiscoverableThroughServiceLoaderWithAUniqueName",
            "COSTS_NON_DETERMINISTIC, costExportListingIsDeterministic",
            "FOCUS_HEADER_INCOMPLETE, focusCostFilesAreWellFormed",
            "IGNORES_SEEN_FILES, costExportListingSkipsSeenFilesAndHonoursPeriods",
            "COST_FILE_UNREADABLE, costExportsAreListedAndOpen"
    })
    void kitTestFailsForFlaw(FakeCloudConnectorFactory.Flaw flaw, String expectedFailingTest) {
        FlawedConnectorKit.current = flaw;
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FlawedConnectorKit.class))
                .build(), listener);
        Set<String> failed = listener.getSummary().getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName().replace("()", "")).collect(Collectors.toSet());
        assertThat(listener.getSummary().getTestsStartedCount()).isEqualTo(14);
        assertThat(failed).as("kit tests failing for %s", flaw).contains(expectedFailingTest);
    }

    /** The kit bound to the flaw under test; run only through the launcher above (surefire skips nested classes). */
    static class FlawedConnectorKit extends ConnectorCompatibilityKit {
        static volatile FakeCloudConnectorFactory.Flaw current = FakeCloudConnectorFactory.Flaw.NONE;

        @Override
        protected ConnectorFactory factory() {
            return new FakeCloudConnectorFactory(current);
        }

        @Override
        protected Map<String, String> validConfig() {
            return Map.of("account", "acct-1", "token", "tok-5ecr3t-value");
        }
    }
}
