package io.cloudwarden.cli.bench;

import io.cloudwarden.connector.simulator.FocusCostFileGenerator;
import io.cloudwarden.cost.imports.CostImport;
import io.cloudwarden.cost.imports.CostImports;
import io.cloudwarden.shared.TenantContext;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cost-explorer}: p50/p95 over authenticated HTTP of typical explorer queries (spend by service per month
 * over 13 months, by team per day over 90 days, the top 10 resources of the last month) on a ledger of
 * {@code --rows} cost rows (default 10,000,000) covering 13 months, loaded through the real import with an
 * allocation rule that assigns teams from tags. References in the same run: a cheap authenticated GET (the HTTP
 * and security floor) and the first query answered straight from the cost rows instead of the rollup.
 */
@Component
@Profile("bench")
class CostExplorerBench implements Benchmark {

    static final long DEFAULT_ROWS = 10_000_000;
    private static final int WARMUP = 5;
    private static final int REQUESTS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CostImports imports;
    private final BenchTenant tenant;
    private final JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    CostExplorerBench(CostImports imports, BenchTenant tenant, JdbcClient jdbc) {
        this.imports = imports;
        this.tenant = tenant;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "cost-explorer";
    }

    @Override
    public String description() {
        return "p50/p95 of typical cost explorer queries over HTTP on 13 months and --rows rows (default 10,000,000)";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        long rows = options.rows() != null ? options.rows() : DEFAULT_ROWS;
        String token = login(options.baseUrl());
        send(HttpRequest.newBuilder(URI.create(options.baseUrl() + "/api/v1/cost/allocation/rules"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"rules":[{"name":"team from tag","conditions":[{"field":"TAG","key":"team","op":"EXISTS"}],
                          "assign":{"team":{"fromTag":"team"}}}]}""")), 202);
        load(rows, options.seed(), report);
        record Range(LocalDate first, LocalDate last) {
        }
        Range range = TenantContext.callAs(tenant.tenant(), () -> jdbc.sql(
                        "select min(day), max(day) from cost_daily_rollup where tenant_id = ?").param(tenant.tenant().value())
                .query((rs, n) -> new Range(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class))).single());
        LocalDate end = range.last().plusDays(1);
        LocalDate lastMonth = range.last().withDayOfMonth(1);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("service_by_month_13m", "/api/v1/cost/explorer?groupBy=service&granularity=month&from=" + range.first() + "&to=" + end);
        queries.put("team_by_day_90d", "/api/v1/cost/explorer?groupBy=team&granularity=day&from=" + end.minusDays(90) + "&to=" + end);
        queries.put("top10_resources_month", "/api/v1/cost/explorer?groupBy=resource&top=10&granularity=day&from=" + lastMonth + "&to=" + end);
        List<Double> all = new ArrayList<>();
        for (var q : queries.entrySet()) {
            URI uri = URI.create(options.baseUrl() + q.getValue());
            List<Double> ms = Latencies.measure(WARMUP, REQUESTS, () -> get(uri, token));
            all.addAll(ms);
            report.figure("cost-explorer", Map.of("query", q.getKey(), "rows", rows, "requests", ms.size(),
                    "http_p50_ms", Latencies.pct(ms, 50), "http_p95_ms", Latencies.pct(ms, 95)));
        }
        all.sort(Double::compare);
        URI floor = URI.create(options.baseUrl() + "/api/v1/cost/dimensions");
        List<Double> floorMs = Latencies.measure(WARMUP, REQUESTS, () -> get(floor, token));
        List<Double> scanMs = Latencies.measure(1, 3, () -> TenantContext.runAs(tenant.tenant(), () -> jdbc.sql("""
                select date_trunc('month', charge_period_start), service_name, sum(effective_cost) from cost_rows
                where tenant_id = ? group by 1, 2""").param(tenant.tenant().value()).query().listOfRows()));
        report.figure("cost-explorer", Map.of("query", "all", "rows", rows, "http_p50_ms", Latencies.pct(all, 50),
                "http_p95_ms", Latencies.pct(all, 95), "reference_cheap_get_p50_ms", Latencies.pct(floorMs, 50),
                "reference_scan_service_by_month_ms", Latencies.pct(scanMs, 50)));
    }

    private void load(long rows, long seed, BenchmarkReport report) throws Exception {
        Path file = Files.createTempFile("cloudwarden-cost-explorer", ".csv");
        try {
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                FocusCostFileGenerator.write(out, rows, seed);
            }
            UUID id = TenantContext.callAs(tenant.tenant(), () -> imports.register(CostImport.Source.CLI, "bench.csv", null,
                    Files.size(file), null, "bench"));
            CostImport done = imports.run(tenant.tenant(), id, List.of(new CostImports.ImportFile("bench.csv", Files.size(file),
                    () -> Files.newInputStream(file))));
            if (!"SUCCEEDED".equals(done.status())) {
                throw new IllegalStateException("loading the bench ledger failed: " + done.error());
            }
            report.progress(String.format(Locale.ROOT, "loaded %,d cost rows in %.0f s", done.rowsAccepted(), (System.nanoTime() - start) / 1e9));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String login(String baseUrl) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", tenant.username(),
                        "password", tenant.password())))), 200);
        return JSON.readTree(r.body()).get("accessToken").asString();
    }

    private void get(URI uri, String token) {
        try {
            send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET(), 200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
