package io.cloudwarden.inventory;

import static io.cloudwarden.inventory.InventoryFixtures.request;
import static io.cloudwarden.inventory.InventoryFixtures.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.inventory.InventoryFixtures.TestTenant;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ResourceApiTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    @Autowired
    InventoryIngestion ingestion;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    TestTenant tenant;
    ApiClient api;
    UUID aws = UUID.randomUUID();
    UUID gcp = UUID.randomUUID();
    List<DiscoveredResource> awsEstate;

    @BeforeEach
    void estate() {
        tenant = InventoryFixtures.newTenant(identity);
        awsEstate = new ArrayList<>();
        simulator("aws", "210987654321", 150, 21, 10, "none", 1).accept(awsEstate::add);
        ingest(aws, CloudProvider.AWS, T0, sink -> awsEstate.forEach(sink::accept));
        ingest(gcp, CloudProvider.GCP, T0, simulator("gcp", "api-test-project", 150, 22, 10, "none", 1));
        api = new ApiClient(port).login(tenant.username(), InventoryFixtures.PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name", "type", "-type", "region", "lastChanged", "-lastChanged"})
    void cursorPagingWalksEverythingOnceInOrder(String sort) {
        long total = liveCount();
        List<String> onePage = ids(api.get("/api/v1/resources?limit=500&sort=" + sort).body());
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/v1/resources?limit=37&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(ids(page));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(walked).hasSize((int) total).doesNotHaveDuplicates().isEqualTo(onePage);
    }

    @Test
    void filtersCombineAndMatchTheDatabase() {
        DiscoveredResource sample = awsEstate.stream().filter(r -> !r.tags().isEmpty()).findFirst().orElseThrow();
        String key = sample.tags().keySet().iterator().next();
        String tag = key.toUpperCase() + ":" + sample.tags().get(key);
        JsonNode page = ok("/api/v1/resources?limit=500&type=" + enc(sample.type()) + "&tag=" + enc(tag));
        long expected = scalar("select count(*) from resources where deleted_at is null and type = ? and tags @> jsonb_build_object(?::text, ?::text)",
                sample.type(), key.trim().toLowerCase(), sample.tags().get(key));
        assertThat(page.get("items").size()).isEqualTo((int) expected).isPositive();
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("type").asString()).isEqualTo(sample.type());
            assertThat(item.get("tags").get(key.trim().toLowerCase()).asString()).isEqualTo(sample.tags().get(key));
            assertThat(item.get("accountName").asString()).isNotBlank();
        }

        String fragment = sample.nativeId().substring(sample.nativeId().length() - 6).toUpperCase();
        assertThat(ids(ok("/api/v1/resources?q=" + enc(fragment)))).contains(idOf(sample.nativeId()));

        JsonNode missing = ok("/api/v1/resources?limit=500&provider=aws&tagMissing=" + enc(key));
        assertThat(missing.get("items").size()).isEqualTo((int) scalar(
                "select count(*) from resources where deleted_at is null and provider = 'aws' and not jsonb_exists(tags, ?)",
                key.trim().toLowerCase()));
        assertThat(ok("/api/v1/resources?provider=aws,gcp&limit=500").get("items").size()).isEqualTo((int) liveCount());
    }

    @Test
    void facetCountsMatchTheList() {
        JsonNode facets = ok("/api/v1/resources/facets");
        assertThat(facets.get("total").asLong()).isEqualTo(liveCount());
        for (String dimension : List.of("provider", "type", "region", "account", "state")) {
            long sum = 0;
            for (JsonNode v : facets.get(dimension)) {
                sum += v.get("count").asLong();
            }
            assertThat(sum).as(dimension).isEqualTo(liveCount());
        }
        assertThat(facets.get("account")).extracting(v -> v.get("label").asString()).allMatch(l -> l.startsWith("Account "));
        JsonNode awsOnly = ok("/api/v1/resources/facets?provider=aws");
        assertThat(awsOnly.get("total").asLong()).isEqualTo(ok("/api/v1/resources?provider=aws&limit=500").get("items").size());
        String type = facets.get("type").get(0).get("value").asString();
        JsonNode withText = ok("/api/v1/resources/facets?q=a&type=" + enc(type));
        assertThat(withText.get("total").asLong()).isEqualTo(ok("/api/v1/resources?q=a&limit=500&type=" + enc(type)).get("items").size());
    }

    @Test
    void detailHistoryDiffAndAsOf() {
        DiscoveredResource original = awsEstate.stream().filter(r -> !r.relations().isEmpty()).findFirst().orElseThrow();
        List<DiscoveredResource> changed = new ArrayList<>(awsEstate);
        changed.set(awsEstate.indexOf(original), new DiscoveredResource(original.provider(), original.nativeId(), original.type(),
                "renamed-later", original.region(), original.state(), null, original.tags(), original.configurationJson(),
                original.relations()));
        ingest(aws, CloudProvider.AWS, T1, sink -> changed.forEach(sink::accept));
        String id = idOf(original.nativeId());

        JsonNode detail = ok("/api/v1/resources/" + id);
        assertThat(detail.get("name").asString()).isEqualTo("renamed-later");
        assertThat(detail.get("version").asInt()).isEqualTo(2);
        assertThat(detail.get("configuration").isObject()).isTrue();
        assertThat(detail.get("outgoing").size()).isEqualTo(original.relations().size());
        JsonNode edge = detail.get("outgoing").get(0);
        if (!edge.get("targetId").isNull()) {
            JsonNode target = ok("/api/v1/resources/" + edge.get("targetId").asString());
            assertThat(target.get("incoming")).extracting(e -> e.get("sourceId").asString()).contains(id);
        }
        assertThat(ok("/api/v1/resources/" + id + "/history").get("items")).extracting(v -> v.get("change").asString())
                .containsExactly("MODIFIED", "CREATED");
        JsonNode diff = ok("/api/v1/resources/" + id + "/diff");
        assertThat(diff.get("changes")).extracting(c -> c.get("path").asString()).containsExactly("/name");
        assertThat(ok("/api/v1/resources/" + id + "/diff?from=1&to=1").get("changes").size()).isZero();

        String between = enc("2026-01-15T00:00:00Z");
        JsonNode then = ok("/api/v1/resources?asOf=" + between + "&q=" + enc(original.nativeId()));
        assertThat(then.get("items").get(0).get("name").asString()).isEqualTo(original.name());
        assertThat(ok("/api/v1/resources?q=renamed-later").get("items").size()).isEqualTo(1);
        assertThat(ok("/api/v1/resources?asOf=" + enc("2025-12-01T00:00:00Z")).get("items").size()).isZero();
        assertThat(ok("/api/v1/resources/facets?asOf=" + between).get("total").asLong()).isEqualTo(liveCount());
    }

    @Test
    void badParametersAreRejectedWithTheirNames() {
        assertProblem("/api/v1/resources?provider=oracle", "INVALID_FILTER", "provider");
        assertProblem("/api/v1/resources?account=not-a-uuid", "INVALID_FILTER", "account");
        assertProblem("/api/v1/resources?tag=:x", "INVALID_FILTER", "tag");
        assertProblem("/api/v1/resources?asOf=yesterday", "INVALID_FILTER", "asOf");
        assertProblem("/api/v1/resources?sort=size", "INVALID_FILTER", "sort");
        assertProblem("/api/v1/resources?limit=0", "INVALID_FILTER", "limit");
        assertProblem("/api/v1/resources?limit=501", "INVALID_FILTER", "limit");
        assertProblem("/api/v1/resources?includeDeleted=maybe", "INVALID_FILTER", "includeDeleted");
        assertProblem("/api/v1/resources?provder=aws", "INVALID_FILTER", "provder");
        assertProblem("/api/v1/resources/facets?sort=name", "INVALID_FILTER", "sort");
        var both = api.get("/api/v1/resources?provider=oracle&limit=0");
        assertThat(both.body().get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("provider", "limit");
        assertThat(api.get("/api/v1/resources?cursor=garbage!").code()).isEqualTo("INVALID_CURSOR");
        String nameCursor = ok("/api/v1/resources?limit=1").get("nextCursor").asString();
        assertThat(api.get("/api/v1/resources?sort=type&cursor=" + nameCursor).code()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/resources/" + UUID.randomUUID()).code()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(api.get("/api/v1/resources/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/resources/" + idOf(awsEstate.get(0).nativeId()) + "/diff?to=99").status()).isEqualTo(400);
    }

    @Test
    void anotherTenantSeesNothing() {
        String id = idOf(awsEstate.get(0).nativeId());
        TestTenant other = InventoryFixtures.newTenant(identity);
        ApiClient otherApi = new ApiClient(port).login(other.username(), InventoryFixtures.PASSWORD);

        var response = otherApi.get("/api/v1/resources/" + id);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(otherApi.get("/api/v1/resources/" + id + "/history").status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/resources").body().get("items").size()).isZero();
        assertThat(otherApi.get("/api/v1/resources/facets").body().get("total").asLong()).isZero();
        for (String table : List.of("resources", "resource_versions", "resource_relationships", "inventory_accounts",
                "resource_facet_counts")) {
            long visible = TenantContext.callAs(other.id(), () -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
            assertThat(visible).as(table).isZero();
        }
        assertThat(api.get("/api/v1/resources/" + id).status()).isEqualTo(200);
    }

    private void assertProblem(String path, String code, String field) {
        var r = api.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.code()).as(path).isEqualTo(code);
        assertThat(r.body().get("errors")).as(path).extracting(e -> e.get("field").asString()).contains(field);
    }

    private JsonNode ok(String path) {
        var r = api.get(path);
        assertThat(r.status()).as(path + " -> " + r.raw()).isEqualTo(200);
        return r.body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private void ingest(UUID account, CloudProvider provider, Instant at, Consumer<ResourceSink> collector) {
        TenantContext.callAs(tenant.id(), () -> ingestion.ingestSnapshot(request(tenant.id(), account, provider, at), collector));
    }

    private String idOf(String nativeId) {
        return TenantContext.callAs(tenant.id(), () -> jdbc.sql("select id::text from resources where native_id = ?")
                .param(nativeId).query(String.class).single());
    }

    private long liveCount() {
        return scalar("select count(*) from resources where deleted_at is null");
    }

    private long scalar(String sql, Object... params) {
        return TenantContext.callAs(tenant.id(), () -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
