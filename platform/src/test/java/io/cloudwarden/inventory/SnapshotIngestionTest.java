package io.cloudwarden.inventory;

import static io.cloudwarden.inventory.InventoryFixtures.request;
import static io.cloudwarden.inventory.InventoryFixtures.simulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConnectorException;
import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.ResourceRelation;
import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.inventory.internal.InventoryQueries;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.PlatformTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@PlatformTest
@RecordApplicationEvents
class SnapshotIngestionTest {

    private static final String AWS_ACCOUNT = "123456789012";

    @Autowired
    InventoryIngestion ingestion;
    @Autowired
    InventoryQueries queries;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    TenantId tenant;
    UUID account = UUID.randomUUID();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void tenant() {
        tenant = InventoryFixtures.newTenant(identity).id();
    }

    @Test
    void firstSnapshotCreatesResourcesVersionsAndRelationships() {
        IngestionResult result = ingest(t0, simulator("aws", AWS_ACCOUNT, 300, 7, 10, "none", 1));

        assertThat(result.seen()).isGreaterThan(200);
        assertThat(result.created()).isEqualTo(result.seen());
        assertThat(result.modified() + result.deleted() + result.unchanged()).isZero();
        assertThat(count("resources")).isEqualTo(result.seen());
        assertThat(count("resource_versions")).isEqualTo(result.seen());
        assertThat(count("resource_relationships")).isEqualTo(result.relationships()).isPositive();
        assertThat(scalar("select count(*) from resource_versions where version = 1 and change = 'CREATED' and valid_to is null"))
                .isEqualTo(result.seen());
        long published = events.stream(ResourcesChanged.class).mapToLong(e -> e.changes().size()).sum();
        assertThat(published).isEqualTo(result.seen());
        assertThat(events.stream(ResourcesChanged.class)).allMatch(e -> e.changes().size() <= ResourcesChanged.MAX_BATCH
                && e.accountId().equals(account) && e.tenantId().equals(tenant));
        assertThat(scalar("select sum(count) from resource_facet_counts")).isEqualTo(result.seen());
    }

    @Test
    void sameSnapshotAgainWritesNothing() {
        IngestionResult first = ingest(t0, simulator("aws", AWS_ACCOUNT, 200, 7, 10, "none", 1));
        long relationships = count("resource_relationships");
        events.clear();

        IngestionResult again = ingest(t0.plusSeconds(3600), simulator("aws", AWS_ACCOUNT, 200, 7, 10, "none", 1));

        assertThat(again.unchanged()).isEqualTo(first.seen());
        assertThat(again.created() + again.modified() + again.deleted()).isZero();
        assertThat(count("resource_versions")).isEqualTo(first.seen());
        assertThat(count("resource_relationships")).isEqualTo(relationships);
        assertThat(events.stream(ResourcesChanged.class)).isEmpty();
    }

    @Test
    void oneModifiedResourceGetsExactlyOneNewVersionAndADiff() {
        List<DiscoveredResource> estate = collect(simulator("aws", AWS_ACCOUNT, 100, 3, 10, "none", 1));
        ingest(t0, replay(estate));
        DiscoveredResource original = estate.get(5);
        Map<String, String> tags = new HashMap<>(original.tags());
        tags.put("CostCenter", "cc-42");
        DiscoveredResource changed = new DiscoveredResource(original.provider(), original.nativeId(), original.type(),
                original.name() + "-renamed", original.region(), "stopped", original.createdAt(), tags,
                "{\"changed\": {\"size\": 2, \"tab\\there\": \"a\\\\b\"}}", original.relations());
        List<DiscoveredResource> second = new ArrayList<>(estate);
        second.set(5, changed);

        IngestionResult result = ingest(t0.plusSeconds(60), replay(second));

        assertThat(result.modified()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(estate.size() - 1);
        assertThat(count("resource_versions")).isEqualTo(estate.size() + 1);
        UUID id = idOf(original.nativeId());
        var diff = TenantContext.callAs(tenant, () -> queries.diff(id, null, null));
        assertThat(diff.fromVersion()).isEqualTo(1);
        assertThat(diff.toVersion()).isEqualTo(2);
        assertThat(diff.changes()).extracting(c -> c.path())
                .contains("/name", "/state", "/tags/CostCenter", "/configuration/changed");
        assertThat(diff.changes()).filteredOn(c -> c.path().equals("/state"))
                .singleElement().satisfies(c -> assertThat(c.newValue().asString()).isEqualTo("stopped"));
        var detail = TenantContext.callAs(tenant, () -> queries.detail(id));
        assertThat(detail.configuration().get("changed").get("tab\there").asString()).isEqualTo("a\\b");
        assertThat(detail.tags()).containsEntry("costcenter", "cc-42");
        assertThat(detail.tagsRaw()).containsEntry("CostCenter", "cc-42");
    }

    @Test
    void unreportedResourceIsDeletedWithHistoryAndRevivedWhenItReturns() {
        List<DiscoveredResource> estate = collect(simulator("aws", AWS_ACCOUNT, 100, 4, 10, "none", 1));
        ingest(t0, replay(estate));
        DiscoveredResource gone = estate.get(0);
        UUID id = idOf(gone.nativeId());

        IngestionResult deletion = ingest(t0.plusSeconds(60), replay(estate.subList(1, estate.size())));

        assertThat(deletion.deleted()).isEqualTo(1);
        assertThat(scalar("select count(*) from resources where deleted_at is not null")).isEqualTo(1);
        assertThat(TenantContext.callAs(tenant, () -> queries.history(id, 10, null)).items())
                .extracting(v -> v.version() + ":" + v.change()).containsExactly("2:DELETED", "1:CREATED");
        assertThat(scalar("select count(*) from resource_relationships e join resources r on r.id = e.source_id "
                + "where r.deleted_at is not null")).isZero();

        IngestionResult revival = ingest(t0.plusSeconds(120), replay(estate));

        assertThat(revival.modified()).isEqualTo(1);
        assertThat(scalar("select count(*) from resources where deleted_at is not null")).isZero();
        assertThat(TenantContext.callAs(tenant, () -> queries.detail(id)).version()).isEqualTo(3);
        assertThat(scalar("select count(*) from resource_versions where valid_to is null")).isEqualTo(estate.size());
    }

    @Test
    void failingCollectorLeavesThePreviousInventoryIntact() {
        IngestionResult first = ingest(t0, simulator("aws", AWS_ACCOUNT, 200, 9, 10, "none", 1));
        long versions = count("resource_versions");
        long relationships = count("resource_relationships");

        assertThatThrownBy(() -> ingest(t0.plusSeconds(60), simulator("aws", AWS_ACCOUNT, 200, 9, 50, "transient-midway", 2)))
                .isInstanceOf(ConnectorException.class);

        assertThat(count("resources")).isEqualTo(first.seen());
        assertThat(scalar("select count(*) from resources where deleted_at is null")).isEqualTo(first.seen());
        assertThat(count("resource_versions")).isEqualTo(versions);
        assertThat(count("resource_relationships")).isEqualTo(relationships);
        // the connection went back to the pool usable
        assertThat(ingest(t0.plusSeconds(120), simulator("aws", AWS_ACCOUNT, 200, 9, 10, "none", 1)).unchanged())
                .isEqualTo(first.seen());
    }

    @Test
    void laterSimulatorSyncModifiesDeletesAndCreates() {
        IngestionResult first = ingest(t0, CloudProvider.GCP, simulator("gcp", "demo-project-1", 1000, 11, 50, "none", 1));
        IngestionResult second = ingest(t0.plusSeconds(3600), CloudProvider.GCP, simulator("gcp", "demo-project-1", 1000, 11, 50, "none", 2));

        assertThat(second.modified()).isPositive();
        assertThat(second.deleted()).isPositive();
        assertThat(second.created()).isPositive();
        assertThat(second.unchanged()).isEqualTo(second.seen() - second.created() - second.modified());
        assertThat(count("resource_versions")).isEqualTo(first.created() + second.created() + second.modified() + second.deleted());
        assertThat(scalar("select sum(count) from resource_facet_counts")).isEqualTo(second.seen());
    }

    @Test
    void duplicateNativeIdsKeepTheLastReport() {
        List<DiscoveredResource> estate = collect(simulator("aws", AWS_ACCOUNT, 20, 5, 10, "none", 1));
        DiscoveredResource first = estate.get(0);
        DiscoveredResource again = new DiscoveredResource(first.provider(), first.nativeId(), first.type(), "last-wins",
                first.region(), first.state(), null, Map.of("Team", "b", "team", "a", " TEAM ", "c"), "{}",
                List.of(new ResourceRelation("in-network", "arn:aws:ec2:x:1:vpc/vpc-1")));
        List<DiscoveredResource> withDuplicate = new ArrayList<>(estate);
        withDuplicate.add(again);

        IngestionResult result = ingest(t0, replay(withDuplicate));

        assertThat(result.seen()).isEqualTo(estate.size());
        var detail = TenantContext.callAs(tenant, () -> queries.detail(idOf(first.nativeId())));
        assertThat(detail.name()).isEqualTo("last-wins");
        assertThat(detail.tags()).isEqualTo(Map.of("team", "a"));
        assertThat(detail.outgoing()).extracting(r -> r.targetNativeId()).containsExactly("arn:aws:ec2:x:1:vpc/vpc-1");
    }

    @Test
    void controlCharactersAndUnicodeSurviveTheCopy() {
        String name = "tab\there\nnew line \\ back\\slash \u00e9\u6f22\ud83d\ude00";
        DiscoveredResource odd = new DiscoveredResource(CloudProvider.AWS, "arn:aws:s3:::odd\tbucket", "AWS::S3::Bucket", name,
                "us-east-1", "available", null, Map.of("Quote\"Key", "v\\al\tue"),
                "{\"s\": \"line\\nbreak \\\"quoted\\\" \\\\ tab\\t\"}", List.of());

        ingest(t0, replay(List.of(odd)));

        var detail = TenantContext.callAs(tenant, () -> queries.detail(idOf(odd.nativeId())));
        assertThat(detail.name()).isEqualTo(name);
        assertThat(detail.tagsRaw()).containsEntry("Quote\"Key", "v\\al\tue");
        assertThat(detail.configuration().get("s").asString()).isEqualTo("line\nbreak \"quoted\" \\ tab\t");
        assertThat(ingest(t0.plusSeconds(1), replay(List.of(odd))).unchanged()).isEqualTo(1);
    }

    @Test
    void retiringAnAccountDeletesEverything() {
        IngestionResult first = ingest(t0, CloudProvider.AZURE, simulator("azure", "6f1c2e34-8a4b-4c1d-9e2f-0a1b2c3d4e5f", 50, 2, 10, "none", 1));

        long retired = TenantContext.callAs(tenant, () -> ingestion.retireAccount(tenant, account));

        assertThat(retired).isEqualTo(first.seen());
        assertThat(scalar("select count(*) from resources where deleted_at is null")).isZero();
        assertThat(scalar("select count(*) from resource_versions where change = 'DELETED'")).isEqualTo(first.seen());
    }

    private IngestionResult ingest(Instant at, Consumer<ResourceSink> collector) {
        return ingest(at, CloudProvider.AWS, collector);
    }

    private IngestionResult ingest(Instant at, CloudProvider provider, Consumer<ResourceSink> collector) {
        return TenantContext.callAs(tenant, () -> ingestion.ingestSnapshot(request(tenant, account, provider, at), collector));
    }

    private static List<DiscoveredResource> collect(Consumer<ResourceSink> collector) {
        List<DiscoveredResource> all = new ArrayList<>();
        collector.accept(all::add);
        return all;
    }

    private static Consumer<ResourceSink> replay(List<DiscoveredResource> resources) {
        return sink -> resources.forEach(sink::accept);
    }

    private UUID idOf(String nativeId) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select id from resources where native_id = ?").param(nativeId)
                .query(UUID.class).single());
    }

    private long count(String table) {
        return scalar("select count(*) from " + table);
    }

    private long scalar(String sql) {
        return TenantContext.callAs(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }
}
