package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.Capability;
import io.cloudwarden.connector.spi.ConfigError;
import io.cloudwarden.connector.spi.ConfigProperty;
import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.ConnectorPlugin;
import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;
import io.cloudwarden.connector.spi.CostExportRequest;
import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.InventoryRequest;
import io.cloudwarden.connector.spi.ResourceRelation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract tests every connector passes. A connector's test class extends this kit, supplies its factory
 * and a valid configuration (raw values, secrets included; use distinctive secret values so a leak cannot
 * hide), and inherits one test per observable SPI rule: metadata, {@link ServiceLoader} discovery, config
 * validation, capability accessors, connection check, inventory shape and determinism, cost export files
 * (listing, opening, determinism, skipping seen files, FOCUS headers), and secrecy.
 * Connectors that need a live service must point {@link #validConfig()} at recorded responses or a local fake.
 */
public abstract class ConnectorCompatibilityKit {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant FIXED_TIME = Instant.parse("2026-01-01T00:00:00Z");

    /** The connector type under test. */
    protected abstract ConnectorFactory factory();

    /** A configuration that validates and connects, as raw values including secrets. */
    protected abstract Map<String, String> validConfig();

    /** The request used for inventory checks; by default the first sync. */
    protected InventoryRequest inventoryRequest() {
        return new InventoryRequest(1, FIXED_TIME);
    }

    /** How many resources of a collection are recorded and checked in detail (all are counted). */
    protected int maxResourcesToCheck() {
        return 5_000;
    }

    /** How many FOCUS cost files are read completely (first, last and evenly spread); all are opened. */
    protected int maxCostFilesToReadFully() {
        return 12;
    }

    /** The context handed to the connector: a fixed clock. */
    protected ConnectorContext context() {
        return new ConnectorContext("compatibility-kit", Clock.fixed(FIXED_TIME, ZoneOffset.UTC));
    }

    /** {@link #validConfig()} as the platform would pass it, defaults applied. */
    protected final ConnectorConfig config() {
        return ConnectorConfig.of(validConfig(), factory().configProperties());
    }

    /** Runs one collection on a fresh connector and returns what was recorded. */
    protected final RecordingSink collect() {
        RecordingSink sink = new RecordingSink(maxResourcesToCheck());
        try (Connector connector = factory().create(config(), context())) {
            connector.inventory().collect(inventoryRequest(), sink);
        }
        return sink;
    }

    @Test
    public void factoryMetadataIsWellFormed() {
        ConnectorFactory factory = factory();
        assertThat(factory.name()).as("name").isNotNull().matches("[a-z0-9-]+");
        assertThat(factory.displayName()).as("displayName").isNotBlank();
        assertThat(factory.description()).as("description").isNotBlank();
        assertThat(factory.providers()).as("providers").isNotEmpty().doesNotContainNull();
        assertThat(factory.capabilities()).as("capabilities").isNotEmpty().doesNotContainNull();
        List<String> keys = factory.configProperties().stream().map(ConfigProperty::key).toList();
        assertThat(keys).as("config property keys").allSatisfy(k -> assertThat(k).isNotBlank()).doesNotHaveDuplicates();
    }

    @Test
    public void requiredPropertiesWithoutDefaultAreReportedMissing() {
        for (ConfigProperty p : factory().configProperties()) {
            if (p.required() && p.defaultValue() == null) {
                assertThat(p.check(null)).as("check(null) of required '%s'", p.key()).isPresent();
                assertThat(p.check(" ")).as("check(blank) of required '%s'", p.key()).isPresent();
            }
            if (p.defaultValue() != null) {
                assertThat(p.check(p.defaultValue())).as("default of '%s' passes its own check", p.key()).isEmpty();
            }
        }
    }

    @Test
    public void factoryIsDiscoverableThroughServiceLoaderWithAUniqueName() {
        List<ConnectorFactory> found = new ArrayList<>();
        for (ConnectorPlugin plugin : ServiceLoader.load(ConnectorPlugin.class)) {
            found.addAll(plugin.factories());
        }
        List<String> names = found.stream().map(ConnectorFactory::name).toList();
        assertThat(names).as("factory names found by ServiceLoader").contains(factory().name()).doesNotHaveDuplicates();
        assertThat(found.stream().filter(f -> f.name().equals(factory().name())).findFirst().orElseThrow())
                .as("the discovered factory named '%s'", factory().name()).hasSameClassAs(factory());
    }

    @Test
    public void validConfigurationHasNoErrors() {
        Map<String, String> raw = validConfig();
        List<String> problems = new ArrayList<>();
        for (ConfigProperty p : factory().configProperties()) {
            p.check(raw.get(p.key())).ifPresent(m -> problems.add(p.key() + " " + m));
        }
        factory().validate(config()).forEach(e -> problems.add(e.field() + " " + e.message()));
        assertThat(problems).as("errors for the valid configuration").isEmpty();
    }

    @Test
    public void emptyConfigurationReportsEveryRequiredFieldAtOnce() {
        Set<String> required = new TreeSet<>();
        Set<String> reported = new TreeSet<>();
        for (ConfigProperty p : factory().configProperties()) {
            if (p.required() && p.defaultValue() == null) {
                required.add(p.key());
            }
            if (p.check(null).isPresent()) {
                reported.add(p.key());
            }
        }
        ConnectorConfig empty = ConnectorConfig.of(Map.of(), factory().configProperties());
        List<ConfigError> crossField = factory().validate(empty);
        Set<String> keys = new HashSet<>(factory().configProperties().stream().map(ConfigProperty::key).toList());
        assertThat(crossField).as("validate() errors name declared fields").allSatisfy(e -> {
            assertThat(e.field() == null || keys.contains(e.field())).as("field %s", e.field()).isTrue();
            assertThat(e.message()).isNotBlank();
        });
        crossField.stream().map(ConfigError::field).filter(f -> f != null).forEach(reported::add);
        assertThat(reported).as("fields reported missing for an empty configuration").containsAll(required);
    }

    @Test
    public void capabilityAccessorsMatchDeclaredCapabilities() {
        try (Connector connector = factory().create(config(), context())) {
            Set<Capability> declared = connector.capabilities();
            assertThat(declared).as("connector capabilities cover the factory's").containsAll(factory().capabilities());
            for (Capability capability : Capability.values()) {
                if (declared.contains(capability)) {
                    assertThat(accessor(capability).apply(connector)).as("provider for %s", capability).isNotNull();
                } else {
                    assertThatThrownBy(() -> accessor(capability).apply(connector))
                            .as("accessor of undeclared %s", capability).isInstanceOf(UnsupportedOperationException.class);
                }
            }
        }
    }

    private static Function<Connector, Object> accessor(Capability capability) {
        return switch (capability) {
            case INVENTORY -> Connector::inventory;
            case COSTS -> Connector::costs;
        };
    }

    @Test
    public void testConnectionSucceedsForTheValidConfiguration() {
        try (Connector connector = factory().create(config(), context())) {
            ConnectionCheck check = connector.testConnection();
            assertThat(check.ok()).as("testConnection ok: %s", check.message()).isTrue();
            assertThat(check.errorKind()).isNull();
            assertThat(check.message()).isNotBlank();
        }
    }

    @Test
    public void inventoryResourcesAreWellFormed() {
        assumeTrue(factory().capabilities().contains(Capability.INVENTORY), "connector declares no inventory");
        RecordingSink sink = collect();
        Set<String> ids = new HashSet<>();
        for (DiscoveredResource r : sink.resources()) {
            assertThat(ids.add(r.nativeId())).as("nativeId %s is unique", r.nativeId()).isTrue();
            assertThat(factory().providers()).as("provider of %s", r.nativeId()).contains(r.provider());
            assertThat(r.type()).as("type of %s", r.nativeId()).isNotBlank();
            assertThat(r.region()).as("region of %s", r.nativeId()).isNotBlank();
            JsonNode json = parse(r);
            assertThat(json.isObject()).as("configurationJson of %s is an object", r.nativeId()).isTrue();
            assertThat(r.tags().keySet()).as("tag keys of %s", r.nativeId()).allSatisfy(k -> assertThat(k).isNotBlank());
            for (ResourceRelation rel : r.relations()) {
                assertThat(rel.type()).as("relation type of %s", r.nativeId()).matches("[a-z0-9]+(-[a-z0-9]+)*");
                assertThat(rel.targetNativeId()).as("relation target of %s", r.nativeId()).isNotBlank();
            }
        }
    }

    private static JsonNode parse(DiscoveredResource r) {
        try {
            return JSON.readTree(r.configurationJson());
        } catch (RuntimeException e) {
            return fail("configurationJson of " + r.nativeId() + " does not parse: " + e.getMessage());
        }
    }

    @Test
    public void inventoryIsDeterministic() {
        assumeTrue(factory().capabilities().contains(Capability.INVENTORY), "connector declares no inventory");
        RecordingSink first = collect();
        RecordingSink second = collect();
        assertThat(second.seen()).as("resource count of the second collection").isEqualTo(first.seen());
        assertThat(second.resources()).as("second collection with the same request").isEqualTo(first.resources());
    }

    /** Lists every cost export file on a fresh connector. */
    protected final List<CostExportFile> listCostExports(CostExportRequest request) {
        try (Connector connector = factory().create(config(), context())) {
            return connector.costs().listExports(request);
        }
    }

    @Test
    public void costExportsAreListedAndOpen() {
        assumeTrue(factory().capabilities().contains(Capability.COSTS), "connector declares no costs");
        List<CostExportFile> files = listCostExports(CostExportRequest.everything());
        assertThat(files).as("cost export files").isNotEmpty();
        CostExportChecks.metadataIsWellFormed(files);
        assertThat(files).as("some file is FOCUS or a provider-native billing export")
                .anySatisfy(f -> assertThat(f.format()).isIn(CostExportFormat.FOCUS_1_2, CostExportFormat.AWS_CUR_2,
                        CostExportFormat.AZURE_COST_DETAILS, CostExportFormat.GCP_BILLING_EXPORT));
        for (CostExportFile f : files) {
            assertThat(CostExportChecks.read(f, 4096)).as("first bytes of %s", f.key()).isNotEmpty();
        }
    }

    @Test
    public void costExportListingIsDeterministic() {
        assumeTrue(factory().capabilities().contains(Capability.COSTS), "connector declares no costs");
        List<CostExportFile> first = listCostExports(CostExportRequest.everything());
        List<CostExportFile> second = listCostExports(CostExportRequest.everything());
        assertThat(second).as("second listing").isEqualTo(first);
        for (CostExportFile f : List.of(first.get(0), first.get(first.size() - 1))) {
            assertThat(CostExportChecks.read(second.get(first.indexOf(f)), 1 << 26)).as("content of %s opened twice", f.key())
                    .isEqualTo(CostExportChecks.read(f, 1 << 26));
        }
    }

    @Test
    public void costExportListingSkipsSeenFilesAndHonoursPeriods() {
        assumeTrue(factory().capabilities().contains(Capability.COSTS), "connector declares no costs");
        List<CostExportFile> all = listCostExports(CostExportRequest.everything());
        Map<String, String> seen = new java.util.HashMap<>();
        all.forEach(f -> seen.put(f.key(), f.fingerprint()));
        assertThat(listCostExports(new CostExportRequest(null, null, seen))).as("files listed again after all were seen")
                .isEmpty();
        var last = all.stream().map(CostExportFile::billingPeriod).max(Comparable::compareTo).orElseThrow();
        List<CostExportFile> lastPeriod = listCostExports(CostExportRequest.periods(last, last));
        assertThat(lastPeriod).as("files of the last period %s", last).isNotEmpty()
                .allSatisfy(f -> assertThat(f.billingPeriod()).isEqualTo(last))
                .containsExactlyElementsOf(all.stream().filter(f -> f.billingPeriod().equals(last)).toList());
    }

    @Test
    public void focusCostFilesAreWellFormed() {
        assumeTrue(factory().capabilities().contains(Capability.COSTS), "connector declares no costs");
        List<CostExportFile> focus = listCostExports(CostExportRequest.everything()).stream()
                .filter(f -> f.format().equals(CostExportFormat.FOCUS_1_2)).toList();
        assumeTrue(!focus.isEmpty(), "connector lists no FOCUS files");
        int n = Math.max(2, maxCostFilesToReadFully());
        long rows = 0;
        for (int k = 0; k < n; k++) {
            rows += CostExportChecks.focusFileIsWellFormed(focus.get((int) ((long) k * (focus.size() - 1) / (n - 1))));
        }
        assertThat(rows).as("rows in the FOCUS files read").isPositive();
    }

    @Test
    public void secretsNeverLeak() {
        List<String> secrets = factory().configProperties().stream().filter(ConfigProperty::secret)
                .map(p -> validConfig().get(p.key())).filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        List<String> texts = new ArrayList<>();
        texts.add(config().toString());
        try (Connector connector = factory().create(config(), context())) {
            texts.add(String.valueOf(connector));
            ConnectionCheck check = connector.testConnection();
            texts.add(String.valueOf(check.message()));
            check.details().forEach((k, v) -> texts.add(k + "=" + v));
        }
        factory().validate(config()).forEach(e -> texts.add(e.message()));
        if (factory().capabilities().contains(Capability.INVENTORY)) {
            for (DiscoveredResource r : collect().resources()) {
                texts.add(r.nativeId());
                texts.add(String.valueOf(r.name()));
                texts.add(r.configurationJson());
                r.tags().forEach((k, v) -> texts.add(k + "=" + v));
                r.relations().forEach(rel -> texts.add(rel.targetNativeId()));
            }
        }
        if (factory().capabilities().contains(Capability.COSTS)) {
            List<CostExportFile> files = listCostExports(CostExportRequest.everything());
            files.forEach(f -> texts.add(f.toString()));
            if (!files.isEmpty()) {
                texts.add(new String(CostExportChecks.read(files.get(files.size() - 1), 1 << 20),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        for (String secret : secrets) {
            for (String text : texts) {
                if (text.contains(secret)) {
                    String shown = text.replace(secret, "<SECRET>");
                    fail("a secret value leaks into: " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown));
                }
            }
        }
    }
}
