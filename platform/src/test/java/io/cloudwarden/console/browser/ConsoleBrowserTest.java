package io.cloudwarden.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabaseInitializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The console in real Chromium against the real server with a simulated estate: login and logout, the
 * Overview, faceted search, a resource's history diff, the add-account wizard, sync now with live progress,
 * dark mode and phone width. Every page is screenshotted light, dark and at phone width, and checked with
 * axe-core for serious or critical accessibility violations.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;
    ApiClient api;
    String changingAccount;

    @BeforeAll
    void start() {
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @BeforeEach
    void estate() {
        api = new ApiClient(port).loginAsAdmin();
        if (api.get("/api/v1/accounts?limit=500").body().get("items").toString().contains("browser-aws")) {
            changingAccount = StreamSupportHelper.idOf(api.get("/api/v1/accounts?limit=500").body(), "browser-aws");
            return;
        }
        Map<String, Object> aws = new HashMap<>(TestAccounts.simulator("browser-aws", "aws", "101010101010"));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new HashMap<>((Map<String, Object>) aws.get("config"));
        config.put("changeRate", "100");
        aws.put("config", config);
        ApiClient.Response created = api.post("/api/v1/accounts", aws);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        changingAccount = created.body().get("id").asString();
        ApiClient.Response gcp = api.post("/api/v1/accounts", TestAccounts.simulator("browser-gcp", "gcp", "browser-project"));
        assertThat(gcp.status()).as(gcp.raw()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastStatus(changingAccount).equals("SUCCEEDED"));
        api.post("/api/v1/accounts/" + changingAccount + "/sync", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/accounts/" + changingAccount + "/syncs").body()
                .get("items").size() >= 2 && lastStatus(changingAccount).equals("SUCCEEDED"));
    }

    private String lastStatus(String accountId) {
        JsonNode runs = api.get("/api/v1/accounts/" + accountId + "/syncs").body().get("items");
        return runs.isEmpty() ? "" : runs.get(0).get("status").asString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(Page page) {
        page.navigate(url("/login"));
        fill(page, "login-username", "admin");
        fill(page, "login-password", TestDatabaseInitializer.ADMIN_PASSWORD);
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
            String variant = scheme == ColorScheme.DARK ? "dark" : "light";
            Browser.screenshot(page, name + "-" + variant);
            assertThat(Browser.seriousViolations(page)).as(name + " (" + variant + ")").isEmpty();
            page.context().close();
        }
        Page phone = signedIn(browser.phone(ColorScheme.LIGHT));
        phone.navigate(url(path));
        assertThat(phone.getByTestId(readyTestId).first()).isVisible();
        Browser.screenshot(phone, name + "-phone");
        assertThat(Browser.seriousViolations(phone)).as(name + " (phone)").isEmpty();
        phone.context().close();
    }

    @Test
    void logsInRefusesAWrongPasswordAndLogsOut() {
        Page page = browser.desktop(ColorScheme.LIGHT);
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        Browser.screenshot(page, "login-light");
        assertThat(Browser.seriousViolations(page)).isEmpty();
        for (Page other : List.of(browser.desktop(ColorScheme.DARK), browser.phone(ColorScheme.LIGHT))) {
            other.navigate(url("/login"));
            assertThat(other.getByTestId("login-submit")).isVisible();
            boolean phone = other.viewportSize().width == Browser.PHONE_WIDTH;
            Browser.screenshot(other, phone ? "login-phone" : "login-dark");
            assertThat(Browser.seriousViolations(other)).as(phone ? "login (phone)" : "login (dark)").isEmpty();
            other.context().close();
        }
        fill(page, "login-username", "admin");
        fill(page, "login-password", "not-the-password");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("login-error")).isVisible();
        page.context().close();

        Page in = signedIn(browser.desktop(ColorScheme.LIGHT));
        in.getByTestId("user-menu-button").click();
        in.getByTestId("logout").click();
        assertThat(in).hasURL(Pattern.compile(".*/login.*"));
        in.navigate(url("/inventory"));
        assertThat(in).hasURL(Pattern.compile(".*/login.*"));
        in.context().close();
    }

    @Test
    void theOverviewLoadsItsCardsQuickly() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        for (String card : List.of("resources", "accounts", "changes", "tags")) {
            assertThat(page.getByTestId("overview-card-" + card)).isVisible();
        }
        page.reload();
        assertThat(page.getByTestId("overview-card-resources")).isVisible();
        double lcp = largestContentfulPaint(page);
        System.out.printf("LCP overview_ms=%.0f%n", lcp);
        assertThat(lcp).as("LCP of the Overview in ms").isBetween(0.0, 1500.0);
        page.context().close();
        capture("overview", "/", "overview-card-resources");
    }

    @Test
    void facetsAndSearchFilterTheInventoryAndLiveInTheUrl() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/inventory"));
        assertThat(page.getByTestId("inventory-row").first()).isVisible();
        double lcp = largestContentfulPaint(page);
        System.out.printf("LCP inventory_ms=%.0f%n", lcp);
        assertThat(lcp).as("LCP of Inventory in ms").isBetween(0.0, 1500.0);

        page.getByTestId("facet-provider").getByText("gcp", new Locator.GetByTextOptions().setExact(false)).first().click();
        assertThat(page).hasURL(Pattern.compile(".*provider=gcp.*"));
        assertThat(page.getByTestId("inventory-row").first()).isVisible();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> rows = page.getByTestId("inventory-row").allInnerTexts();
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.contains("\tgcp\t"));
        });

        page.reload();
        assertThat(page).hasURL(Pattern.compile(".*provider=gcp.*"));
        assertThat(page.getByTestId("inventory-row").first()).isVisible();
        page.context().close();
        capture("inventory", "/inventory?provider=aws", "inventory-row");
    }

    @Test
    void drillsIntoAResourceAndDiffsTwoVersions() {
        JsonNode changed = api.get("/api/v1/resources?account=" + changingAccount + "&sort=-lastChanged&limit=50").body().get("items");
        String id = null;
        for (JsonNode r : changed) {
            if (r.get("version").asInt() >= 2) {
                id = r.get("id").asString();
                break;
            }
        }
        assertThat(id).as("a resource changed by the second sync").isNotNull();

        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/inventory/" + id));
        assertThat(page.getByTestId("resource-title")).isVisible();
        page.getByTestId("resource-tab-history").click();
        assertThat(page).hasURL(Pattern.compile(".*tab=history.*"));
        Locator versions = page.getByTestId("history-version");
        assertThat(versions.nth(1)).isVisible();
        versions.nth(0).click();
        versions.nth(1).click();
        assertThat(page.getByTestId("diff-view")).isVisible();
        Browser.screenshot(page, "resource-diff-light");
        page.context().close();
        capture("resource", "/inventory/" + id, "resource-title");
    }

    @Test
    void addsAnAccountThroughTheWizardShowingABadField() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/accounts"));
        assertThat(page.getByTestId("accounts-table")).isVisible();
        page.getByTestId("add-account").click();
        page.getByText("simulator", new Page.GetByTextOptions().setExact(false)).first().click();
        page.getByTestId("wizard-next").click();
        fill(page, "field-name", "wizard-account");
        fill(page, "field-provider", "aws");
        fill(page, "field-accountId", "121212121212");
        fill(page, "field-accessSecret", "wizard-secret");
        fill(page, "field-resources", "-5");
        page.getByTestId("wizard-next").click();
        // the form is generated from the connector's metadata, which bounds resources: the bad value is named
        Locator resources = page.getByTestId("field-resources");
        String help = resources.getAttribute("aria-describedby");
        assertThat(help).isNotBlank();
        assertThat(page.locator("[id='" + help.split(" ")[0] + "']")).containsText(Pattern.compile("between|range|must", Pattern.CASE_INSENSITIVE));
        assertThat(resources).hasAttribute("aria-invalid", "true");
        Browser.screenshot(page, "account-wizard-error-light");

        fill(page, "field-resources", "150");
        page.getByTestId("wizard-next").click();
        page.getByTestId("wizard-create").click();
        assertThat(page.getByText("wizard-account").first()).isVisible();
        page.context().close();
        capture("accounts", "/accounts", "accounts-table");
    }

    @Test
    void syncNowShowsLiveProgress() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/accounts/" + changingAccount));
        assertThat(page.getByTestId("sync-history")).isVisible();
        int runs = api.get("/api/v1/accounts/" + changingAccount + "/syncs?limit=100").body().get("items").size();
        page.getByTestId("sync-now").click();
        assertThat(page.getByTestId("sync-progress")).isVisible();
        Browser.screenshot(page, "account-sync-light");
        // the live events end the progress with the result, and the history gains the new run
        assertThat(page.getByTestId("sync-progress")).containsText("Sync succeeded", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.getByTestId("sync-history").locator("tbody tr")).hasCount(runs + 1);
        assertThat(api.get("/api/v1/accounts/" + changingAccount + "/syncs?limit=100").body().get("items").size())
                .isEqualTo(runs + 1);
        Browser.screenshot(page, "account-synced-light");
        page.context().close();
        capture("account", "/accounts/" + changingAccount, "sync-history");
    }

    @Test
    void theAuditTimelineVerifiesAnEntrysInclusionProofInTheBrowser() {
        api.post("/api/v1/audit/checkpoints", Map.of());
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/audit?action=accounts.account.registered"));
        assertThat(page.getByTestId("audit-row").first()).isVisible();
        assertThat(page.getByTestId("audit-row").first()).containsText("accounts.account.registered");
        page.getByTestId("audit-row").first().click();
        page.getByTestId("verify-proof").click();
        assertThat(page.getByTestId("proof-result")).containsText(Pattern.compile("verified", Pattern.CASE_INSENSITIVE));
        assertThat(page.getByTestId("proof-result")).hasClass(Pattern.compile(".*Success.*"));
        Browser.screenshot(page, "audit-proof-light");
        page.context().close();
        capture("audit", "/audit", "audit-row");
    }

    @Test
    void evidencePacksAreGeneratedAndTheLogsIntegrityIsShown() {
        java.time.Instant now = java.time.Instant.now();
        api.post("/api/v1/evidence/items", Map.of("kind", "access_review", "title", "Quarterly admin review",
                "controls", List.of("SOC2:CC6.1"), "collectedAt", now.minus(Duration.ofDays(3)).toString()));
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        page.navigate(url("/audit?tab=evidence"));
        assertThat(page.getByTestId("pack-generate-form")).isVisible();
        assertThat(page.getByTestId("evidence-item-row").first()).isVisible();
        page.locator("div:has(> [data-testid=pack-framework]) [role=combobox]").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions()
                .setName(Pattern.compile("\\(SOC2\\)|^SOC2"))).first().click();
        page.getByTestId("pack-generate").click();
        assertThat(page.getByTestId("pack-result")).containsText(Pattern.compile("[0-9a-f]{8}"));
        assertThat(page.getByTestId("pack-row").first()).isVisible();

        // the auditor report is one click: generated for the form's period and framework, and saved
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByTestId("report-generate").click());
        assertThat(download.suggestedFilename()).startsWith("evidence-report-").endsWith(".zip");
        List<String> entries = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(download.path()))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.add(e.getName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(entries).contains("report.json", "report.pdf", "report.sig");
        assertThat(page.getByTestId("report-result")).containsText(Pattern.compile("[0-9a-f]{16}"));
        Browser.screenshot(page, "audit-evidence-light");
        assertThat(Browser.seriousViolations(page)).isEmpty();

        page.navigate(url("/audit?tab=integrity"));
        assertThat(page.getByTestId("anchor-row").first()).isVisible();
        page.getByTestId("verify-log").click();
        assertThat(page.getByTestId("verify-result")).containsText(Pattern.compile("verified|ok", Pattern.CASE_INSENSITIVE));
        assertThat(page.getByTestId("verify-result")).hasClass(Pattern.compile(".*Success.*"));
        Browser.screenshot(page, "audit-integrity-light");
        page.context().close();
        capture("audit-evidence", "/audit?tab=evidence", "pack-generate-form");
        capture("audit-integrity", "/audit?tab=integrity", "anchor-row");
    }

    @Test
    void darkModeCanBeChosenOverTheSystemSetting() {
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT));
        String light = background(page);
        page.getByTestId("user-menu-button").click();
        page.getByTestId("theme-dark").click();
        page.keyboard().press("Escape");
        String dark = background(page);
        assertThat(dark).isNotEqualTo(light);
        assertThat(luminance(dark)).isLessThan(luminance(light));
        Browser.screenshot(page, "overview-dark-chosen");
        page.reload();
        assertThat(background(page)).as("the choice is kept").isEqualTo(dark);
        page.context().close();
    }

    @Test
    void thePhoneLayoutHidesTheNavigationBehindAMenu() {
        Page page = signedIn(browser.phone(ColorScheme.LIGHT));
        assertThat(page.getByTestId("menu-button")).isVisible();
        page.getByTestId("menu-button").click();
        assertThat(page.getByTestId("nav-inventory").first()).isVisible();
        page.getByTestId("nav-inventory").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/inventory.*"));
        assertThat(page.getByTestId("inventory-row").first()).isVisible();
        Browser.screenshot(page, "inventory-phone-nav");
        page.context().close();
    }

    /** Types into the text input, or picks the option of the select, that the test id marks. */
    private static void fill(Page page, String testId, String value) {
        Locator field = page.locator("[data-testid=" + testId + "] input, input[data-testid=" + testId + "], "
                + "[data-testid=" + testId + "] select, select[data-testid=" + testId + "]").first();
        if ("select".equals(field.evaluate("e => e.tagName.toLowerCase()"))) {
            field.selectOption(value);
        } else {
            field.fill(value);
        }
    }

    private static String background(Page page) {
        return (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return 0.2126 * Integer.parseInt(parts[0]) + 0.7152 * Integer.parseInt(parts[1]) + 0.0722 * Integer.parseInt(parts[2]);
    }

    private static double largestContentfulPaint(Page page) {
        Object value = page.evaluate("""
                () => new Promise(resolve => {
                  new PerformanceObserver(list => {
                    const entries = list.getEntries();
                    resolve(entries[entries.length - 1].startTime);
                  }).observe({type: 'largest-contentful-paint', buffered: true});
                  setTimeout(() => resolve(-1), 5000);
                })""");
        return ((Number) value).doubleValue();
    }

    /** Finds an account id by name in a page of accounts. */
    static final class StreamSupportHelper {
        static String idOf(JsonNode page, String name) {
            for (JsonNode a : page.get("items")) {
                if (a.get("name").asString().equals(name)) {
                    return a.get("id").asString();
                }
            }
            throw new IllegalStateException("no account " + name);
        }
    }
}
