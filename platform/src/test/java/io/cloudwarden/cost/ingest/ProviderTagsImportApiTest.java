package io.cloudwarden.cost.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end over real HTTP: a provider-native export (the Azure EA sample, tags without braces) is imported, its
 * folded tags reach the ledger's jsonb column, and the explorer groups by them.
 */
@PlatformTest
class ProviderTagsImportApiTest {

    private static final String PASSWORD = "a-long-enough-test-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;

    @Test
    void azureTagsAreGroupableInTheExplorerAfterImport() throws Exception {
        String name = "costtag-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = identity.createTenant(name, "CUSTOMER", null).id();
        identity.createUser(tenant, name, PASSWORD, List.of("ADMIN"));
        ApiClient api = new ApiClient(port).login(name, PASSWORD);

        Path file = CostTestData.path("cost-exports-focus-converters/azure/sample-anonymous-ea-export-dataset.csv");
        String id = upload(api.token(), file.getFileName().toString(), Files.readAllBytes(file));
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.get("/api/v1/cost/imports/" + id).body();
            return List.of("SUCCEEDED", "FAILED", "REFUSED").contains(last[0].get("status").asString());
        });
        assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo("SUCCEEDED");
        assertThat(last[0].get("rowsAccepted").asLong()).isEqualTo(27);

        assertThat(api.get("/api/v1/cost/dimensions").body().get("tagKeys").toString())
                .contains("tagA").contains("tagB").contains("tagC");
        JsonNode byTag = api.get("/api/v1/cost/explorer?groupBy=tag:tagB&from=2023-09-01&to=2023-10-01"
                + "&metric=BilledCost&granularity=month&currency=CAD").body();
        assertThat(byTag.get("groups").findValuesAsString("label")).containsExactly("valueB");
        JsonNode all = api.get("/api/v1/cost/explorer?from=2023-09-01&to=2023-10-01&metric=BilledCost&currency=CAD").body();
        assertThat(new BigDecimal(all.get("total").asString())).isPositive();
        assertThat(new BigDecimal(byTag.get("groups").get(0).get("total").asString()))
                .isEqualByComparingTo(new BigDecimal(all.get("total").asString()));
    }

    private String upload(String token, String fileName, byte[] content) throws Exception {
        String boundary = "cw-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/cost/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asString();
    }
}
