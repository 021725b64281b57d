package io.cloudwarden.cli.bench;

import io.cloudwarden.inventory.InventoryIngestion;
import io.cloudwarden.shared.TenantContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code inventory-search}: latency of resource search and facets over authenticated HTTP on an estate of
 * {@code --resources}, against the same SQL executed directly over JDBC (the physical reference), so the
 * HTTP, security and JSON overhead is visible.
 */
@Component
@Profile("bench")
class InventorySearchBench implements Benchmark {

    private static final int WARMUP = 30;
    private static final int REQUESTS = 200;

    private static final String LIST_COLUMNS = "select r.id, r.provider, r.native_id, r.type, r.name, r.region, r.state, "
            + "r.account_id, a.name, r.tags::text, r.version, r.last_changed, r.deleted_at "
            + "from resources r left join inventory_accounts a on a.account_id = r.account_id "
            + "where r.tenant_id = ? and r.deleted_at is null ";
    private static final String FACETS = """
            select grouping(provider) = 0, grouping(type) = 0, grouping(region) = 0, grouping(account_id) = 0,
                   grouping(state) = 0, provider, type, region, account_id::text, state, %s
            from (%s) x group by grouping sets ((provider), (type), (region), (account_id), (state), ())""";

    private final InventoryIngestion ingestion;
    private final BenchTenant tenant;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    InventorySearchBench(InventoryIngestion ingestion, BenchTenant tenant, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.ingestion = ingestion;
        this.tenant = tenant;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
    }

    @Override
    public String name() {
        return "inventory-search";
    }

    @Override
    public String description() {
        return "p50/p95/p99 of resource search (type+tag, free text; common and rare values) and facets over HTTP vs the same SQL over JDBC";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        long live = TenantContext.callAs(tenant.tenant(), () -> jdbc.sql("select count(*) from resources where deleted_at is null")
                .query(Long.class).single());
        if (live < options.resources()) {
            InventoryLoadBench.load(ingestion, InventoryLoadBench.accounts(options.resources(), options.seed()), tenant.tenant(), report, 2);
        }
        String token = login(options.baseUrl());
        Sample sample = TenantContext.callAs(tenant.tenant(), this::sample);
        report.progress("querying type=" + sample.type + ", common tag " + sample.commonTag + " (" + sample.commonTagCount
                + " resources), rare tag " + sample.rareTag + ", common text '" + sample.commonText + "', rare text '"
                + sample.rareText + "'");
        Object t = tenant.tenant().value();
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Runnable> sql = new LinkedHashMap<>();
        // The JDBC references run the final SQL the API runs: driven by the owner's id function for a rare match,
        // a plain predicate on an ordered index scan for a common one (see ResourceSelection).
        String rareTag = tagJson(sample.rareTag);
        String commonTag = tagJson(sample.commonTag);
        urls.put("type-tag-common", "/api/v1/resources?type=" + enc(sample.type) + "&tag=" + enc(sample.commonTag));
        sql.put("type-tag-common", () -> drain(LIST_COLUMNS + "and r.type in (?) and r.tags @> ?::jsonb order by r.name, r.id limit 51",
                t, sample.type, commonTag));
        urls.put("type-tag-rare", "/api/v1/resources?type=" + enc(sample.type) + "&tag=" + enc(sample.rareTag));
        sql.put("type-tag-rare", () -> drain(LIST_COLUMNS + "and r.type in (?) and r.id in (select cw_inventory_tag_matches(?::jsonb)) "
                + "and r.tags @> ?::jsonb order by r.name, r.id limit 51", t, sample.type, rareTag, rareTag));
        String commonText = "%" + sample.commonText + "%";
        urls.put("text-common", "/api/v1/resources?q=" + enc(sample.commonText));
        sql.put("text-common", () -> drain(LIST_COLUMNS + "and (r.name ilike ? or r.native_id ilike ?) order by r.name, r.id limit 51",
                t, commonText, commonText));
        String rareText = "%" + sample.rareText + "%";
        urls.put("text-rare", "/api/v1/resources?q=" + enc(sample.rareText));
        sql.put("text-rare", () -> drain(LIST_COLUMNS + "and r.id in (select cw_inventory_text_matches(?)) and (r.name ilike ? or r.native_id ilike ?) "
                + "order by r.name, r.id limit 51", t, rareText, rareText, rareText));
        urls.put("facets", "/api/v1/resources/facets");
        sql.put("facets", () -> drain(FACETS.formatted("sum(count)", "select f.provider, f.type, f.region, f.account_id, f.state, f.count "
                + "from resource_facet_counts f where f.tenant_id = ?"), t));
        urls.put("facets-type", "/api/v1/resources/facets?type=" + enc(sample.type));
        sql.put("facets-type", () -> drain(FACETS.formatted("sum(count)", "select f.provider, f.type, f.region, f.account_id, f.state, f.count "
                + "from resource_facet_counts f where f.tenant_id = ? and f.type in (?)"), t, sample.type));
        urls.put("facets-tag-rare", "/api/v1/resources/facets?tag=" + enc(sample.rareTag));
        sql.put("facets-tag-rare", () -> drain(FACETS.formatted("count(*)", "select r.provider, r.type, r.region, r.account_id, r.state "
                + "from resources r left join inventory_accounts a on a.account_id = r.account_id "
                + "where r.tenant_id = ? and r.deleted_at is null and r.id in (select cw_inventory_tag_matches(?::jsonb)) "
                + "and r.tags @> ?::jsonb"), t, rareTag, rareTag));
        urls.put("facets-tag-common", "/api/v1/resources/facets?tag=" + enc(sample.commonTag));
        sql.put("facets-tag-common", () -> drain(FACETS.formatted("count(*)", "select r.provider, r.type, r.region, r.account_id, r.state "
                + "from resources r left join inventory_accounts a on a.account_id = r.account_id "
                + "where r.tenant_id = ? and r.deleted_at is null and r.tags @> ?::jsonb"), t, commonTag));

        for (String kind : urls.keySet()) {
            URI uri = URI.create(options.baseUrl() + urls.get(kind));
            List<Double> httpMs = measure(() -> get(uri, token));
            List<Double> jdbcMs = measure(() -> TenantContext.runAs(tenant.tenant(), sql.get(kind)));
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("query", kind);
            figure.put("requests", REQUESTS);
            figure.put("http_p50_ms", pct(httpMs, 50));
            figure.put("http_p95_ms", pct(httpMs, 95));
            figure.put("http_p99_ms", pct(httpMs, 99));
            figure.put("jdbc_p50_ms", pct(jdbcMs, 50));
            figure.put("jdbc_p95_ms", pct(jdbcMs, 95));
            figure.put("jdbc_p99_ms", pct(jdbcMs, 99));
            report.figure("inventory-search", figure);
        }
    }

    /**
     * Deterministic query values: the most common type; its most common tag (other than name) and one of its
     * name tags; the most common name segment and the unique tail of the first name in order.
     */
    private Sample sample() {
        String type = jdbc.sql("select type from resource_facet_counts group by type order by sum(count) desc, type limit 1")
                .query(String.class).single();
        var common = jdbc.sql("""
                        select t.key, t.value, count(*) from resources r, jsonb_each_text(r.tags) t
                        where r.type = ? and r.deleted_at is null and t.key <> 'name'
                        group by t.key, t.value order by count(*) desc, t.key, t.value limit 1""")
                .param(type).query((rs, n) -> new String[] {rs.getString(1) + ":" + rs.getString(2), rs.getString(3)}).single();
        String rareName = jdbc.sql("select tags ->> 'name' from resources where type = ? and deleted_at is null and jsonb_exists(tags, 'name') "
                + "order by name, id limit 1").param(type).query(String.class).single();
        String commonText = jdbc.sql("""
                        select split_part(name, '-', 2) from resources where deleted_at is null and name like '%-%-%'
                        group by 1 order by count(*) desc, 1 limit 1""").query(String.class).single();
        String first = jdbc.sql("select name from resources where deleted_at is null and length(name) >= 8 order by name, id limit 1")
                .query(String.class).single();
        return new Sample(type, common[0], Long.parseLong(common[1]), "name:" + rareName, commonText,
                first.substring(first.length() - 6));
    }

    private String tagJson(String keyColonValue) {
        int colon = keyColonValue.indexOf(':');
        return json.writeValueAsString(Map.of(keyColonValue.substring(0, colon), keyColonValue.substring(colon + 1)));
    }

    // the same transaction and plan setting as the API's search
    private void drain(String sql, Object... params) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            jdbc.sql(sql).params(params).query(rs -> {
                rs.getObject(1);
            });
        });
    }

    private String login(String baseUrl) throws Exception {
        String body = json.writeValueAsString(Map.of("username", tenant.username(), "password", tenant.password()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("bench login failed with HTTP " + r.statusCode());
        }
        return json.readTree(r.body()).get("accessToken").asString();
    }

    private void get(URI uri, String token) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Double> measure(Runnable call) {
        return Latencies.measure(WARMUP, REQUESTS, call);
    }

    private static double pct(List<Double> sorted, int p) {
        return Latencies.pct(sorted, p);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Sample(String type, String commonTag, long commonTagCount, String rareTag, String commonText, String rareText) {
    }
}
