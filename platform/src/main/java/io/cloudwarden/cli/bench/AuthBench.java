package io.cloudwarden.cli.bench;

import io.cloudwarden.identity.AccessControl;
import io.cloudwarden.shared.TenantContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code auth}: login p50/p95 over HTTP next to the bare bcrypt verification that dominates it; the cost security
 * adds to an authorised cheap read (token verification plus permission resolution and check, measured in
 * process on the very beans the request path uses) next to that read's whole HTTP latency; and refresh p95
 * when the refresh endpoint exists. See docs/adr/0022-auth-benchmark-method.md for why this is the reference.
 */
@Component
@Profile("bench")
class AuthBench implements Benchmark {

    private static final int LOGINS = 20;
    private static final int WARMUP = 200;
    private static final int REQUESTS = 2_000;

    private final BenchTenant tenant;
    private final PasswordEncoder passwords;
    private final JwtDecoder jwtDecoder;
    private final AccessControl access;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    AuthBench(BenchTenant tenant, PasswordEncoder passwords, JwtDecoder jwtDecoder, AccessControl access) {
        this.tenant = tenant;
        this.passwords = passwords;
        this.jwtDecoder = jwtDecoder;
        this.access = access;
    }

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public String description() {
        return "login p50/p95 vs bare bcrypt; token verification + permission check overhead on a cheap read; refresh p95";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        String base = options.baseUrl();
        String hash = passwords.encode(tenant.password());
        List<Double> bcrypt = time(LOGINS, () -> passwords.matches(tenant.password(), hash));
        List<Double> login = new ArrayList<>();
        JsonNode tokens = null;
        for (int i = 0; i < LOGINS; i++) {
            long start = System.nanoTime();
            tokens = post(base + "/api/v1/auth/login", Map.of("username", tenant.username(), "password", tenant.password()), 200);
            login.add((System.nanoTime() - start) / 1e6);
        }
        login.sort(Double::compare);
        report.figure("auth", figure("figure", "login", "logins", LOGINS, "login_p50_ms", pct(login, 50), "login_p95_ms", pct(login, 95),
                "bcrypt_verify_p50_ms", pct(bcrypt, 50)));

        String token = tokens.get("accessToken").asString();
        URI read = URI.create(base + "/api/v1/me/preferences/bench.auth");
        put(read, token);
        List<Double> httpMs = time(REQUESTS, () -> get(read, token));
        Jwt jwt = jwtDecoder.decode(token);
        List<Double> verifyMs = time(REQUESTS, () -> jwtDecoder.decode(token));
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        List<Double> permissionMs;
        try {
            permissionMs = TenantContext.callAs(tenant.tenant(), () -> time(REQUESTS, access::currentPermissions));
        } finally {
            SecurityContextHolder.clearContext();
        }
        double overhead = pct(verifyMs, 50) + pct(permissionMs, 50);
        report.figure("auth", figure("figure", "authorised-read", "endpoint", "/api/v1/me/preferences/{key}", "requests", REQUESTS,
                "http_p50_ms", pct(httpMs, 50), "http_p95_ms", pct(httpMs, 95), "token_verify_p50_ms", pct(verifyMs, 50),
                "permission_check_p50_ms", pct(permissionMs, 50),
                "token_verify_p50_us", Math.round(pct(verifyMs, 50) * 1000), "permission_check_p50_us", Math.round(pct(permissionMs, 50) * 1000), "security_overhead_p50_ms", overhead,
                "without_security_p50_ms", Math.max(0, pct(httpMs, 50) - overhead), "target_overhead_ms", 1.0));

        JsonNode refresh = tokens.get("refreshToken");
        if (refresh == null || refresh.isNull()) {
            report.figure("auth", figure("figure", "refresh", "status", "not-available",
                    "reason", "login-returns-no-refreshToken"));
            return;
        }
        List<Double> refreshMs = new ArrayList<>();
        String current = refresh.asString();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            JsonNode next = post(base + "/api/v1/auth/refresh", Map.of("refreshToken", current), -1);
            refreshMs.add((System.nanoTime() - start) / 1e6);
            if (next == null || next.get("refreshToken") == null) {
                report.figure("auth", figure("figure", "refresh", "status", "not-available", "reason", "endpoint-missing-or-failing"));
                return;
            }
            current = next.get("refreshToken").asString();
        }
        refreshMs.sort(Double::compare);
        report.figure("auth", figure("figure", "refresh", "requests", 100, "refresh_p50_ms", pct(refreshMs, 50),
                "refresh_p95_ms", pct(refreshMs, 95)));
    }

    private JsonNode post(String url, Map<String, ?> body, int expect) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                if (expect == 200) {
                    throw new IllegalStateException(url + " answered HTTP " + r.statusCode());
                }
                return null;
            }
            return json.readTree(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(URI uri, String token) throws Exception {
        http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"bench\":true}")).build(), HttpResponse.BodyHandlers.discarding());
    }

    private Object get(URI uri, String token) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the authorised read answered HTTP " + r.statusCode());
            }
            return r;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Double> time(int n, Supplier<?> call) {
        for (int i = 0; i < Math.min(WARMUP, n); i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        ms.sort(Double::compare);
        return ms;
    }

    private static Map<String, Object> figure(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
