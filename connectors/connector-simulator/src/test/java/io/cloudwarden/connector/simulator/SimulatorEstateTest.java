package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorException;
import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.InventoryRequest;
import io.cloudwarden.connector.spi.ResourceRelation;
import io.cloudwarden.connector.testkit.RecordingSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour of the simulated estate: determinism, variety, relations, evolution between syncs, faults, scale. */
class SimulatorEstateTest {

    static Map<String, String> config(String provider, long resources, String... extra) {
        Map<String, String> raw = new HashMap<>(SimulatorThroughputTest.config(provider, resources));
        for (int i = 0; i < extra.length; i += 2) {
            raw.put(extra[i], extra[i + 1]);
        }
        return raw;
    }

    static Connector connector(Map<String, String> raw) {
        SimulatorConnectorFactory factory = new SimulatorConnectorFactory();
        return factory.create(ConnectorConfig.of(raw, factory.configProperties()),
                new ConnectorContext("test", Clock.systemUTC()));
    }

    static List<DiscoveredResource> collect(Map<String, String> raw, long sync) {
        RecordingSink sink = new RecordingSink();
        try (Connector c = connector(raw)) {
            c.inventory().collect(new InventoryRequest(sync, Instant.parse("2030-05-05T00:00:00Z")), sink);
        }
        return sink.resources();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void twoInstancesProduceTheIdenticalStream(String provider) {
        Map<String, String> raw = config(provider, 3000, "changeRate", "40");
        List<DiscoveredResource> first = collect(raw, 3);
        List<DiscoveredResource> second = collect(new HashMap<>(raw), 3);
        assertThat(second).isEqualTo(first);
        assertThat(collect(config(provider, 3000, "changeRate", "40", "seed", "7"), 3)).isNotEqualTo(first);
    }

    @Test
    void estateHasAtLeastTwelveTypesPerProviderAndThirtySixOverall() {
        Set<String> all = new HashSet<>();
        for (String provider : List.of("aws", "azure", "gcp")) {
            Map<String, Long> byType = collect(config(provider, 5000), 1).stream()
                    .collect(Collectors.groupingBy(DiscoveredResource::type, TreeMap::new, Collectors.counting()));
            assertThat(byType).as(provider).hasSizeGreaterThanOrEqualTo(12);
            all.addAll(byType.keySet());
            long clusters = byType.entrySet().stream().filter(e -> e.getKey().matches("(?i).*(cluster).*"))
                    .mapToLong(Map.Entry::getValue).sum();
            long disks = byType.entrySet().stream().filter(e -> e.getKey().matches("(?i).*(volume|disk)s?"))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(disks).as("%s: volumes outnumber clusters", provider).isGreaterThan(10 * clusters);
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(36);
    }

    @Test
    void tagsAreRealisticAndImperfect() {
        Set<String> awsKeys = new HashSet<>();
        collect(config("aws", 3000), 1).forEach(r -> awsKeys.addAll(r.tags().keySet()));
        assertThat(awsKeys).contains("Team", "team", "owner", "Owner", "env", "Environment", "cost-center", "CostCenter");
        Set<String> awsValues = new HashSet<>();
        collect(config("aws", 3000), 1).forEach(r -> awsValues.addAll(r.tags().values()));
        assertThat(awsValues).contains("prod", "Production", "dev");
        List<DiscoveredResource> gcp = collect(config("gcp", 3000, "changeRate", "100"), 5);
        assertThat(gcp).flatExtracting(r -> List.copyOf(r.tags().entrySet()))
                .allSatisfy(e -> assertThat(e.toString()).isEqualTo(e.toString().toLowerCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void relationTargetsAreReportedResources(String provider) {
        List<DiscoveredResource> sync1 = collect(config(provider, 4000, "changeRate", "60"), 1);
        Set<String> ids = sync1.stream().map(DiscoveredResource::nativeId).collect(Collectors.toSet());
        Map<String, Long> relationTypes = sync1.stream().flatMap(r -> r.relations().stream())
                .collect(Collectors.groupingBy(ResourceRelation::type, Collectors.counting()));
        assertThat(relationTypes).containsKeys("attached-volume", "snapshot-of", "in-network", "created-from-image",
                "public-ip");
        assertThat(sync1).flatExtracting(DiscoveredResource::relations).extracting(ResourceRelation::targetNativeId)
                .allSatisfy(t -> assertThat(ids).contains(t));
        // later syncs: a target is either reported or a resource that existed and was deleted
        Set<String> everReported = new HashSet<>(ids);
        for (long sync = 2; sync <= 4; sync++) {
            List<DiscoveredResource> now = collect(config(provider, 4000, "changeRate", "60"), sync);
            now.forEach(r -> everReported.add(r.nativeId()));
            assertThat(now).flatExtracting(DiscoveredResource::relations).extracting(ResourceRelation::targetNativeId)
                    .allSatisfy(t -> assertThat(everReported).contains(t));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void laterSyncCreatesModifiesAndDeletesInTheConfiguredProportions(String provider) {
        Map<String, String> raw = config(provider, 20_000, "changeRate", "50");
        Map<String, DiscoveredResource> sync1 = byId(collect(raw, 1));
        Map<String, DiscoveredResource> sync2 = byId(collect(raw, 2));
        Map<String, LabelledResource> truth2 = SimulatedEstate.of(raw).groundTruth(2)
                .collect(Collectors.toMap(LabelledResource::nativeId, Function.identity()));
        long created = sync2.keySet().stream().filter(id -> !sync1.containsKey(id)).count();
        long deleted = sync1.keySet().stream().filter(id -> !sync2.containsKey(id)).count();
        long modified = 0;
        for (DiscoveredResource now : sync2.values()) {
            DiscoveredResource before = sync1.get(now.nativeId());
            if (before == null) {
                continue;
            }
            boolean changed = !before.configurationJson().equals(now.configurationJson()) || !before.tags().equals(now.tags());
            assertThat(changed).as("changed %s agrees with ground truth", now.nativeId())
                    .isEqualTo(truth2.get(now.nativeId()).lastChangedSync() == 2);
            modified += changed ? 1 : 0;
        }
        // 50 per mille of 20,000: ~1,000 modified (+ volumes and IPs whose holder went), ~200 deleted, 333 created
        assertThat(created).isEqualTo(333);
        assertThat(deleted).isBetween(140L, 260L);
        assertThat(modified).isBetween(850L, 1300L);
    }

    private static Map<String, DiscoveredResource> byId(List<DiscoveredResource> resources) {
        Map<String, DiscoveredResource> map = new LinkedHashMap<>();
        resources.forEach(r -> assertThat(map.put(r.nativeId(), r)).as("duplicate %s", r.nativeId()).isNull());
        return map;
    }

    @Test
    void connectorAndGroundTruthListTheSameResources() {
        Map<String, String> raw = config("gcp", 3000, "changeRate", "30");
        assertThat(SimulatedEstate.of(raw).resources(5).toList()).isEqualTo(collect(raw, 5));
        assertThat(SimulatedEstate.of(raw).groundTruth(5).map(LabelledResource::nativeId).toList())
                .isEqualTo(collect(raw, 5).stream().map(DiscoveredResource::nativeId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void transientFaultMidwayFailsAfterAboutHalf(String provider) {
        long full = collect(config(provider, 2000), 1).size();
        RecordingSink sink = new RecordingSink(0);
        try (Connector c = connector(config(provider, 2000, "faultInjection", "transient-midway"))) {
            assertThatThrownBy(() -> c.inventory().collect(new InventoryRequest(1, Instant.EPOCH), sink))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.TRANSIENT));
        }
        assertThat(sink.seen()).isBetween(full * 4 / 10, full * 6 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"faultInjection=auth", "accessSecret=invalid-key"})
    void rejectedCredentialsFailConnectionAndCollection(String setting) {
        String[] kv = setting.split("=");
        try (Connector c = connector(config("aws", 100, kv[0], kv[1]))) {
            ConnectionCheck check = c.testConnection();
            assertThat(check.ok()).isFalse();
            assertThat(check.errorKind()).isEqualTo(ConnectorException.Kind.AUTHENTICATION);
            assertThatThrownBy(() -> c.inventory().collect(new InventoryRequest(1, Instant.EPOCH), r -> { }))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.AUTHENTICATION));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void smallEstatesHaveTheRequestedSize(String provider) {
        assertThat(collect(config(provider, 100), 1)).hasSize(100);
        assertThat(collect(config(provider, 0), 1)).isEmpty();
        assertThat(collect(config(provider, 0), 7)).isEmpty();
    }

    @Test
    void laterSyncsAreComputedWithoutReplayingTheEstate() {
        Map<String, String> raw = config("azure", 2000, "changeRate", "100");
        List<DiscoveredResource> sync60 = collect(raw, 60);
        assertThat(sync60.size()).isBetween(2500, 3400); // 2000 x 0.98^59 + 66.7 created per sync, 2% deleted per sync
        assertThat(collect(raw, 60)).isEqualTo(sync60);
    }
}
