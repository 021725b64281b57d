package io.cloudwarden.cost.web;

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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cost imports over real HTTP: upload, background job with report, quarantine, refusal, idempotent re-import. */
@PlatformTest
class CostImportApiTest {

    private static final String PASSWORD = "a-long-enough-test-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = "BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,"
            + "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,BilledCost,"
            + "EffectiveCost,ListCost,ContractedCost,ProviderName,PublisherName,InvoiceIssuerName,ServiceName,ServiceCategory,"
            + "RegionId,ResourceId,Tags\n";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;

    ApiClient api;
    String token;
    TenantId tenant;

    @BeforeEach
    void user() {
        String name = "costi-" + UUID.randomUUID().toString().substring(0, 8);
        tenant = identity.createTenant(name, "CUSTOMER", null).id();
        identity.createUser(tenant, name, PASSWORD, List.of("ADMIN"));
        api = new ApiClient(port).login(name, PASSWORD);
        token = api.token();
    }

    @Test
    void anUploadedExportIsImportedInTheBackgroundWithAReport() throws Exception {
        JsonNode accepted = multipart("january.csv", csv(row("2025-01", "2025-01-03", "AmazonEC2", "i-1", "10.5"),
                row("2025-01", "2025-01-04", "AmazonS3", "b-1", "4.5")).getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.get("status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");

        JsonNode done = finished(accepted.get("id").asString());
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("rowsAccepted").asLong()).isEqualTo(2);
        JsonNode report = done.get("report");
        assertThat(report.get("format").get("id").asString()).startsWith("FOCUS");
        assertThat(report.get("reconciliation").get("reconciled").asBoolean()).isTrue();
        assertThat(report.get("billingPeriods").toString()).contains("2025-01");
        assertThat(report.get("periodsReplaced").get(0).get("rows").asLong()).isEqualTo(2);
        assertThat(report.get("conformance").get("rowsChecked").asLong()).isEqualTo(2);
        assertThat(total("2025-01-01", "2025-02-01")).isEqualByComparingTo("15.0");

        JsonNode list = api.get("/api/v1/cost/imports?status=SUCCEEDED").body();
        assertThat(list.get("items").get(0).get("fileName").asString()).isEqualTo("january.csv");
    }

    @Test
    void reimportingAPeriodReplacesItAndGzipBodiesWork() throws Exception {
        finished(multipart("a.csv", csv(row("2025-01", "2025-01-03", "AmazonEC2", "i-1", "10"),
                row("2025-01", "2025-01-05", "AmazonEC2", "i-1", "10")).getBytes(StandardCharsets.UTF_8)).get("id").asString());
        byte[] gz = gzip(csv(row("2025-01", "2025-01-03", "AmazonEC2", "i-1", "7")));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/cost/imports?fileName=a-restated.csv.gz"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);

        JsonNode done = finished(JSON.readTree(r.body()).get("id").asString());
        assertThat(done.get("source").asString()).isEqualTo("CLI");
        assertThat(done.get("report").get("periodsReplaced").get(0).get("previousRows").asLong()).isEqualTo(2);
        assertThat(total("2025-01-01", "2025-02-01")).isEqualByComparingTo("7");
    }

    @Test
    void badRowsAreQuarantinedWithTheirRowNumbers() throws Exception {
        String file = csv(row("2025-01", "2025-01-03", "AmazonEC2", "i-1", "10"),
                row("2025-01", "2025-01-03", "AmazonEC2", "i-2", "ten dollars"),
                row("2025-01", "not-a-date", "AmazonEC2", "i-3", "1"));
        JsonNode done = finished(multipart("bad.csv", file.getBytes(StandardCharsets.UTF_8)).get("id").asString());

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("rowsQuarantined").asLong()).isEqualTo(2);
        JsonNode q = api.get("/api/v1/cost/imports/" + done.get("id").asString() + "/quarantine").body();
        assertThat(q.get("items")).hasSize(2);
        assertThat(q.get("items").get(0).get("sourceRow").asLong()).isEqualTo(2);
        assertThat(q.get("items").get(0).get("reason").asString()).containsIgnoringCase("BilledCost");
        assertThat(q.get("items").get(0).get("raw").get("ResourceId").asString()).isEqualTo("i-2");
        assertThat(q.get("items").get(1).get("sourceRow").asLong()).isEqualTo(3);
        assertThat(total("2025-01-01", "2025-02-01")).isEqualByComparingTo("10");
    }

    @Test
    void aFileThatIsNotACostExportIsRefusedAndChangesNothing() throws Exception {
        JsonNode done = finished(multipart("inventory.csv", "id,name,type\n1,web,vm\n".getBytes(StandardCharsets.UTF_8))
                .get("id").asString());

        assertThat(done.get("status").asString()).isEqualTo("REFUSED");
        assertThat(done.get("error").asString()).isNotBlank();
        assertThat(total("2000-01-01", "2002-12-31")).isEqualByComparingTo("0");
        JsonNode png = finished(multipart("chart.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}).get("id").asString());
        assertThat(png.get("status").asString()).isEqualTo("REFUSED");
    }

    @Test
    void objectStoreImportsNeedAConfiguredStoreAndOtherTenantsSeeNoImports() throws Exception {
        ApiClient.Response r = api.post("/api/v1/cost/imports", java.util.Map.of("location", "s3://bucket/tenants/x/file.csv"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("COST_OBJECT_STORE_UNAVAILABLE");

        String id = finished(multipart("a.csv", csv(row("2025-01", "2025-01-03", "AmazonEC2", "i-1", "1"))
                .getBytes(StandardCharsets.UTF_8)).get("id").asString()).get("id").asString();
        String other = "costj-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId t = identity.createTenant(other, "CUSTOMER", null).id();
        identity.createUser(t, other, PASSWORD, List.of("ADMIN"));
        ApiClient otherApi = new ApiClient(port).login(other, PASSWORD);
        assertThat(otherApi.get("/api/v1/cost/imports/" + id).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/cost/imports/" + id + "/quarantine").status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/cost/imports").body().get("items")).isEmpty();
    }

    private BigDecimal total(String from, String to) {
        JsonNode r = api.get("/api/v1/cost/explorer?metric=BilledCost&from=" + from + "&to=" + to).body();
        return new BigDecimal(r.get("total").asString());
    }

    private JsonNode finished(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.get("/api/v1/cost/imports/" + id).body();
            return List.of("SUCCEEDED", "FAILED", "REFUSED").contains(last[0].get("status").asString());
        });
        return last[0];
    }

    private JsonNode multipart(String fileName, byte[] content) throws Exception {
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
        return JSON.readTree(r.body());
    }

    private static String csv(String... rows) {
        return HEADER + String.join("\n", rows) + "\n";
    }

    private static String row(String period, String day, String service, String resource, String cost) {
        java.time.LocalDate start = java.time.LocalDate.parse(period + "-01");
        java.time.LocalDate d = day.startsWith("2") ? java.time.LocalDate.parse(day) : null;
        String chargeStart = d == null ? day : d + "T00:00:00Z";
        String chargeEnd = d == null ? day : d.plusDays(1) + "T00:00:00Z";
        return String.join(",", "acct-1", "Main", "USD", start + "T00:00:00Z", start.plusMonths(1) + "T00:00:00Z", chargeStart, chargeEnd,
                "Usage", "", "usage", "Usage-Based", cost, cost, cost, cost, "AWS", "AWS", "AWS", service, "Compute", "us-east-1",
                resource, "\"{\"\"team\"\":\"\"web\"\"}\"");
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
