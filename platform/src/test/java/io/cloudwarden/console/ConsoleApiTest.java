package io.cloudwarden.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The console's API over real HTTP: the user, preferences, the live event stream and the CSV export. */
@PlatformTest
class ConsoleApiTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void login() {
        api = new ApiClient(port).loginAsAdmin();
    }

    @Test
    void describesTheUserTheTenantAndTheAreas() {
        JsonNode me = api.get("/api/v1/me").body();
        assertThat(me.get("username").asString()).isEqualTo("admin");
        assertThat(me.get("tenantName").asString()).isEqualTo("Test");
        assertThat(me.get("tenants").size()).isEqualTo(1);
        assertThat(me.get("areas").toString()).contains("overview", "inventory", "cost", "accounts", "audit").doesNotContain("monitoring");
        assertThat(new ApiClient(port).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void storesPreferencesPerUser() {
        assertThat(api.get("/api/v1/me/preferences/test.layout").code()).isEqualTo("PREFERENCE_NOT_FOUND");
        Map<String, Object> layout = Map.of("order", List.of("accounts", "resources", "changes"));
        assertThat(api.put("/api/v1/me/preferences/test.layout", layout).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/preferences/test.layout").body().get("order").get(0).asString()).isEqualTo("accounts");
        assertThat(api.put("/api/v1/me/preferences/Bad_Key", layout).code()).isEqualTo("INVALID_PREFERENCE");
        assertThat(api.put("/api/v1/me/preferences/huge", Map.of("x", "y".repeat(20_000))).status()).isEqualTo(400);
    }

    @Test
    void streamsSyncProgressLive() throws Exception {
        String id = api.post("/api/v1/accounts", TestAccounts.simulator("live", "aws", "555566667777")).body().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode runs = api.get("/api/v1/accounts/" + id + "/syncs").body().get("items");
            return !runs.isEmpty() && runs.get(0).get("status").asString().equals("SUCCEEDED");
        });

        List<String> events = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/events/stream"))
                .header("Authorization", "Bearer " + api.token()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    events.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains(":connected"));

        assertThat(api.post("/api/v1/accounts/" + id + "/sync", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.contains("event:sync-started")
                && events.lastIndexOf("event:sync-finished") > events.indexOf("event:sync-started"));
        assertThat(events.stream().filter(l -> l.startsWith("data:") && l.contains(id))).isNotEmpty();
        assertThat(events.stream().filter(l -> l.startsWith("data:") && l.contains("\"status\":\"SUCCEEDED\""))).isNotEmpty();
        stream.body().close();

        assertThat(new ApiClient(port).get("/api/v1/events/stream").status()).isEqualTo(401);
    }

    @Test
    void exportsTheFilteredInventoryAsCsv() {
        String id = api.post("/api/v1/accounts", TestAccounts.simulator("csv", "aws", "888899990000")).body().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/resources?account=" + id + "&limit=1").body().get("items").size() == 1);
        long total = api.get("/api/v1/resources/facets?account=" + id).body().get("total").asLong();
        ApiClient.Response csv = api.getText("/api/v1/resources/export?account=" + id + "&sort=name");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines[0]).startsWith("id,provider,native_id,type,name");
        assertThat(lines).hasSize((int) total + 1);
        assertThat(api.getText("/api/v1/resources/export?sort=colour").status()).isEqualTo(400);
    }
}
