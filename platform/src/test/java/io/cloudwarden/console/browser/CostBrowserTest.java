package io.cloudwarden.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cost area in real Chromium: the explorer (grouping, filter, compare, CSV export), imports (upload, report with
 * reconciliation, quarantine, a refused file), a resource's cost section and the overview's cost card, each
 * screenshotted light, dark and at phone width and checked with axe-core. A tenant of its own holds a FOCUS file
 * (uploaded through the API) with rows dated relative to today and a simulated estate whose first resource has cost.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostBrowserTest {

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

    Browser browser;
    ApiClient api;
    String username;
    String resourceId;
    String resourceNativeId;

    @BeforeAll
    void estate() {
        browser = new Browser();
        username = "costui-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = identity.createTenant(username, "CUSTOMER", null).id();
        identity.createUser(tenant, username, PASSWORD, List.of("ADMIN"));
        api = new ApiClient(port).login(username, PASSWORD);

        ApiClient.Response created = api.post("/api/v1/accounts", TestAccounts.simulator("cost-aws", "aws", "303030303030"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/resources?limit=1").body().get("items").size() > 0);
        JsonNode resource = api.get("/api/v1/resources?limit=1").body().get("items").get(0);
        resourceId = resource.get("id").asString();
        resourceNativeId = resource.get("nativeId").asString();

        JsonNode accepted = upload("estate.csv", estateCsv().getBytes(StandardCharsets.UTF_8));
        assertThat(finished(accepted.get("id").asString()).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    /** Four services over two providers, every other day from five months back to today; the resource every day of the last 20. */
    private String estateCsv() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> rows = new ArrayList<>();
        for (LocalDate d = today.withDayOfMonth(1).minusMonths(5); !d.isAfter(today); d = d.plusDays(2)) {
            rows.add(row("acct-1", "AWS", "AmazonEC2", "us-east-1", "i-fleet", d, "12.50"));
            rows.add(row("acct-1", "AWS", "AmazonS3", "eu-west-1", "b-logs", d, "3.25"));
            rows.add(row("acct-1", "AWS", "AmazonRDS", "us-east-1", "db-main", d, d.getMonthValue() % 2 == 0 ? "6" : "9"));
            rows.add(row("acct-1", "Google Cloud", "Compute Engine", "europe-west3", "vm-1", d, "4.75"));
        }
        for (LocalDate d = today.minusDays(20); !d.isAfter(today); d = d.plusDays(1)) {
            rows.add(row("acct-1", "AWS", "AmazonEC2", "us-east-1", resourceNativeId, d, "1.5"));
        }
        return HEADER + String.join("\n", rows) + "\n";
    }

    private static String row(String account, String provider, String service, String region, String resource, LocalDate day, String cost) {
        LocalDate period = day.withDayOfMonth(1);
        // list 25 % and contracted 10 % above what was paid, so there are negotiated and commitment savings
        boolean numeric = cost.matches("[0-9.]+");
        String list = numeric ? new java.math.BigDecimal(cost).multiply(new java.math.BigDecimal("1.25")).toPlainString() : cost;
        String contracted = numeric ? new java.math.BigDecimal(cost).multiply(new java.math.BigDecimal("1.10")).toPlainString() : cost;
        return String.join(",", account, "Main", "USD", period + "T00:00:00Z", period.plusMonths(1) + "T00:00:00Z",
                day + "T00:00:00Z", day.plusDays(1) + "T00:00:00Z", "Usage", "", "usage", "Usage-Based", cost, cost, list, contracted,
                provider, provider, provider, service, "Compute", region, '"' + resource.replace("\"", "\"\"") + '"',
                "\"{\"\"team\"\":\"\"web\"\"}\"");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(Page page) {
        page.navigate(url("/login"));
        page.locator("[data-testid=login-username] input, input[data-testid=login-username]").first().fill(username);
        page.locator("[data-testid=login-password] input, input[data-testid=login-password]").first().fill(PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        return page;
    }

    /** Screenshots light, dark and phone, and the accessibility check in each. */
    private void capture(String name, String path, String readyTestId) {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            Page page = signedIn(browser.desktop(scheme));
            page.navigate(url(path));
            assertThat(page.getByTestId(readyTestId).first()).isVisible();
            page.waitForLoadState();
            page.waitForTimeout(600);
            String variant = scheme == ColorScheme.DARK ? "dark" : "light";
            Browser.screenshot(page, name + "-" + variant);
            assertThat(Browser.seriousViolations(page)).as(name + " (" + variant + ")").isEmpty();
            page.context().close();
        }
        Page phone = signedIn(browser.phone(ColorScheme.LIGHT));
        phone.navigate(url(path));
        assertThat(phone.getByTestId(readyTestId).first()).isVisible();
        phone.waitForTimeout(600);
        Browser.screenshot(phone, name + "-phone");
        assertThat(Browser.seriousViolations(phone)).as(name + " (phone)").isEmpty();
        phone.context().close();
    }

    private static Locator rowNamed(Page page, String name) {
        return page.getByTestId("cost-row").filter(new Locator.FilterOptions().setHasText(name));
    }

    @Test
    void explorerGroupsFiltersComparesAndExportsCsv() throws Exception {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/cost/explorer?g=service&gran=month"));
        assertThat(page.getByTestId("cost-trend")).isVisible();
        assertThat(rowNamed(page, "AmazonEC2")).hasCount(1);
        assertThat(rowNamed(page, "Compute Engine")).hasCount(1);
        assertThat(page.getByTestId("cost-source")).containsText("daily rollup");
        assertThat(page.getByTestId("cost-sunburst")).isVisible();
        assertThat(page.getByTestId("cost-treemap")).isVisible();

        // change the grouping to region
        page.getByTestId("cost-group-0").click();
        page.getByTestId("cost-group-0").fill("Region");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Region").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*g=region.*"));
        assertThat(rowNamed(page, "europe-west3")).hasCount(1);

        // filter to AWS: Google's region goes
        page.getByTestId("cost-add-filter").click();
        page.getByTestId("cost-filter-dimension").click();
        page.getByTestId("cost-filter-dimension").fill("Provider");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Provider").setExact(true)).click();
        page.getByTestId("cost-filter-value").click();
        page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("AWS")).first().click();
        assertThat(page).hasURL(Pattern.compile(".*f=provider%3DAWS.*"));
        assertThat(page.getByTestId("cost-filters")).containsText("Provider = AWS");
        assertThat(rowNamed(page, "europe-west3")).hasCount(0);
        assertThat(rowNamed(page, "us-east-1")).hasCount(1);

        // compare with the previous period
        page.getByTestId("cost-compare").getByRole(AriaRole.SWITCH).click();
        assertThat(page).hasURL(Pattern.compile(".*cmp=1.*"));
        assertThat(page.getByTestId("cost-table")).containsText("Previous period");
        Browser.screenshot(page, "cost-explorer-filtered");

        Download download = page.waitForDownload(() -> page.getByTestId("cost-export-csv").click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("group,total,previous,change_percent,share_percent,currency");
        assertThat(csv).contains("us-east-1,").contains("eu-west-1,").contains(",USD").doesNotContain("europe-west3");
        assertThat(download.suggestedFilename()).startsWith("cost-region-").endsWith(".csv");

        // savings tab
        page.getByTestId("cost-tab-savings").click();
        assertThat(page.getByTestId("cost-savings")).isVisible();
        assertThat(page.getByTestId("cost-savings-rate")).hasText(Pattern.compile("20\\.0\\s%"));
        page.context().close();

        capture("cost-explorer", "/cost/explorer?g=provider&g=service&gran=month&cmp=1", "cost-table");
        capture("cost-savings", "/cost/explorer?tab=savings", "cost-savings");
    }

    @Test
    void importsShowProgressTheReportTheQuarantineAndARefusal() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/cost/imports"));
        assertThat(page.getByTestId("cost-import-row").first()).isVisible();

        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        String file = HEADER + row("acct-ui", "AWS", "AmazonEC2", "us-east-1", "i-ui", day, "10") + "\n"
                + row("acct-ui", "AWS", "AmazonEC2", "us-east-1", "i-bad", day, "ten dollars") + "\n"
                + row("acct-ui", "AWS", "AmazonS3", "us-east-1", "b-ui", day, "2.5") + "\n";
        page.getByTestId("cost-upload-input").setInputFiles(new FilePayload("ui-upload.csv", "text/csv",
                file.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getByTestId("cost-upload-accepted")).isVisible();
        page.getByTestId("cost-upload-accepted").getByRole(AriaRole.LINK).click();
        assertThat(page.getByTestId("cost-import-title")).hasText("ui-upload.csv");
        assertThat(page.getByTestId("cost-import-status")).hasText("Succeeded", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.getByTestId("cost-import-report")).containsText("FOCUS");
        assertThat(page.getByTestId("cost-import-detected")).isVisible();
        assertThat(page.getByTestId("cost-reconciliation")).containsText("USD");
        assertThat(page.getByTestId("cost-reconciled")).isVisible();
        assertThat(page.getByTestId("cost-quarantine")).containsText("i-bad");
        assertThat(page.getByTestId("cost-quarantine")).containsText("BilledCost");
        String importPath = URI.create(page.url()).getPath();
        page.context().close();
        capture("cost-import", importPath, "cost-quarantine");

        Page refused = signedIn(browser.desktop(ColorScheme.LIGHT));
        refused.navigate(url("/cost/imports"));
        refused.getByTestId("cost-upload-input").setInputFiles(new FilePayload("inventory.csv", "text/csv",
                "id,name,type\n1,web,vm\n".getBytes(StandardCharsets.UTF_8)));
        Locator refusedRow = refused.getByTestId("cost-import-row").filter(new Locator.FilterOptions().setHasText("inventory.csv"));
        assertThat(refusedRow.getByTestId("cost-import-error")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(refusedRow).containsText("Refused");
        refused.context().close();
        capture("cost-imports", "/cost/imports", "cost-import-error");
    }

    @Test
    void theResourcePageShowsItsDailyCost() {
        capture("cost-resource", "/inventory/" + resourceId, "resource-cost-chart");
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/inventory/" + resourceId));
        assertThat(page.getByTestId("resource-cost-total")).containsText("$");
        page.context().close();
    }

    @Test
    void theOverviewShowsCostCards() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/"));
        assertThat(page.getByTestId("cost-card")).isVisible();
        assertThat(page.getByTestId("cost-mtd")).containsText("$");
        assertThat(page.getByTestId("cost-last-month")).containsText("$");
        assertThat(page.getByTestId("cost-top-services")).containsText("AmazonEC2");
        page.context().close();
        capture("cost-overview", "/", "cost-card");
    }

    private JsonNode finished(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = api.get("/api/v1/cost/imports/" + id).body();
            return List.of("SUCCEEDED", "FAILED", "REFUSED").contains(last[0].get("status").asString());
        });
        return last[0];
    }

    private JsonNode upload(String fileName, byte[] content) {
        try {
            String boundary = "cw-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/cost/imports")))
                    .header("Authorization", "Bearer " + api.token())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
