package io.cloudwarden.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cloudwarden.cost.CostFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.cloudwarden.cost.CostFixtures;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Cost area's allocation, chargeback and budget pages (issue 6, part 2) in real Chromium against the real
 * server, each test in a fresh tenant whose costs are loaded through {@link CostLedger#load}: a rule created in the
 * editor, previewed and saved raises the tag coverage; the chargeback shows the "(unallocated)" bucket and
 * downloads as CSV and PDF; a budget created in the form shows its burn-down and a crossed threshold. Every page
 * is screenshotted light, dark and at phone width and checked with axe-core.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostAllocationBrowserTest {

    private static final String PASSWORD = "browser-cost-password-42";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    CostLedger ledger;
    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    /** A fresh tenant with cost fixtures and a console user (ADMIN) of it. */
    private record Estate(CostFixtures f, String username) {
    }

    private Estate estate() {
        CostFixtures f = new CostFixtures(identity, ledger, jdbc, port);
        String username = "cost-ui-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(f.tenant, username, PASSWORD, List.of("ADMIN"));
        return new Estate(f, username);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByTestId("login-username").fill(username);
        page.getByTestId("login-password").fill(PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        return page;
    }

    /** Picks an option of the MUI select whose hidden input carries the test id. */
    private static void choose(Page page, String testId, String option) {
        page.locator("div:has(> [data-testid=" + testId + "]) [role=combobox]").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    private static void check(Page page, String name) {
        page.waitForLoadState();
        page.evaluate("window.scrollTo(0, 0)"); // a full-page shot of a scrolled page draws the fixed app bar mid-page
        page.waitForTimeout(300); // let MUI's transitions (label shrink, button colour) finish before the shot
        Browser.screenshot(page, name);
        assertThat(Browser.seriousViolations(page)).as(name).isEmpty();
    }

    /** Screenshots (and axe) of a page in dark mode and at phone width. */
    private void darkAndPhone(String username, String name, String path, String readyTestId) {
        Page dark = signedIn(browser.desktop(ColorScheme.DARK), username);
        dark.navigate(url(path));
        assertThat(dark.getByTestId(readyTestId).first()).isVisible();
        check(dark, name + "-dark");
        dark.context().close();
        Page phone = signedIn(browser.phone(ColorScheme.LIGHT), username);
        phone.navigate(url(path));
        assertThat(phone.getByTestId(readyTestId).first()).isVisible();
        check(phone, name + "-phone");
        phone.context().close();
    }

    private static void putTeamTagRule(ApiClient api) throws InterruptedException {
        ApiClient.Response saved = api.put("/api/v1/cost/allocation/rules", Map.of("rules", List.of(Map.of("name", "team tag",
                "conditions", List.of(Map.of("field", "TAG", "key", "team", "op", "EXISTS")),
                "assign", Map.of("team", Map.of("fromTag", "team"))))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(202);
        CostFixtures.awaitReallocation(api, saved.body().get("reallocation").get("id").asString());
    }

    @Test
    void aRuleCreatedInTheEditorIsPreviewedSavedAndRaisesTheCoverage() {
        Estate e = estate();
        LocalDate day = YearMonth.now(ZoneOffset.UTC).minusMonths(1).atDay(5);
        e.f().load(row(1, "acct-1", day, "EC2", "60", Map.of("Team", "payments")),
                row(2, "acct-1", day, "EC2", "30", Map.of("team", "search")),
                row(3, "acct-1", day, "S3", "10", Map.of()));

        Page page = signedIn(browser.desktop(ColorScheme.LIGHT), e.username());
        page.getByTestId("nav-cost").click();
        assertThat(page).hasURL(Pattern.compile(".*/cost/explorer.*"));
        page.getByTestId("cost-nav-allocation").click();
        assertThat(page).hasURL(Pattern.compile(".*/cost/allocation.*"));
        assertThat(page.getByTestId("coverage-percent")).hasText("0%");
        check(page, "cost-allocation-empty-light");

        page.getByTestId("rule-add").click();
        page.getByTestId("rule-name").fill("Team tag");
        page.getByTestId("rule-key-0").fill("TEAM");
        assertThat(page.getByText(Pattern.compile("Compared as “team”"))).isVisible();
        choose(page, "rule-assign-team-mode", "From a tag");
        page.getByTestId("rule-assign-team-tag").fill("team");
        check(page, "cost-allocation-rule-dialog-light");
        page.getByTestId("rule-apply").click();
        assertThat(page.getByTestId("rule-row-0")).containsText("Team tag");
        assertThat(page.getByTestId("rules-dirty")).isVisible();

        page.getByTestId("rules-preview").click();
        assertThat(page.getByTestId("preview-row-payments")).containsText("$60.00");
        assertThat(page.getByTestId("preview-row-search")).containsText("$30.00");
        assertThat(page.getByTestId("preview-row-unallocated")).containsText("$100.00");
        assertThat(page.getByTestId("preview-unallocated")).containsText("$100.00 → $10.00 (−$90.00)");
        // the preview saved nothing: the coverage is unchanged
        assertThat(page.getByTestId("coverage-percent")).hasText("0%");
        check(page, "cost-allocation-preview-light");

        page.getByTestId("rules-save").click();
        assertThat(page.getByTestId("reallocation-progress")).hasAttribute("data-status", "SUCCEEDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(page.getByTestId("coverage-percent")).hasText("90%");
        assertThat(page.getByTestId("coverage-amounts")).containsText("$90.00 of $100.00");
        assertThat(page.getByTestId("rules-dirty")).hasCount(0);
        assertThat(page.getByTestId("reallocation-row").first()).containsText("Done");
        check(page, "cost-allocation-saved-light");
        List<String> saved = e.f().list("select name from cost_allocation_rules order by position", String.class);
        assertThat(saved).containsExactly("Team tag");

        page.getByTestId("allocation-tab-shared").click();
        assertThat(page).hasURL(Pattern.compile(".*tab=shared.*"));
        page.getByTestId("pool-add").click();
        page.getByTestId("pool-0-name").fill("Support");
        choose(page, "pool-0-method", "Fixed percentages");
        page.getByTestId("pool-0-add-target").click();
        page.getByTestId("pool-0-target-0").fill("payments");
        page.getByTestId("pool-0-percent-0").fill("60");
        assertThat(page.getByTestId("pool-0-sum")).containsText("must sum to 100");
        assertThat(page.getByTestId("pools-save")).isDisabled();
        page.getByTestId("pool-0-add-target").click();
        page.getByTestId("pool-0-target-1").fill("search");
        page.getByTestId("pool-0-percent-1").fill("40");
        assertThat(page.getByTestId("pool-0-sum")).containsText("Sum: 100");
        page.getByTestId("pool-0-values-0").fill("AWS Support");
        assertThat(page.getByTestId("pools-save")).isEnabled();
        check(page, "cost-allocation-shared-light");
        page.getByTestId("pools-save").click();
        assertThat(page.getByTestId("pools-saved")).isVisible();
        assertThat(e.f().list("select name from cost_shared_cost_rules", String.class)).containsExactly("Support");
        page.context().close();

        darkAndPhone(e.username(), "cost-allocation", "/cost/allocation", "coverage-percent");
    }

    @Test
    void theChargebackShowsTheUnallocatedBucketAndDownloadsCsvAndPdf() throws Exception {
        Estate e = estate();
        putTeamTagRule(e.f().api);
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        LocalDate day = month.atDay(3);
        e.f().load(row(1, "acct-1", day, "EC2", "60", Map.of("team", "a")), row(2, "acct-1", day, "EC2", "30", Map.of("team", "b")),
                row(3, "acct-1", day, "EC2", "10", Map.of()), row(4, "acct-1", day, "AWS Support", "20", Map.of()));
        ApiClient.Response pools = e.f().api.put("/api/v1/cost/allocation/shared-costs", Map.of("rules", List.of(Map.of("name", "Support",
                "conditions", List.of(Map.of("field", "SERVICE_NAME", "op", "EQUALS", "values", List.of("AWS Support"))),
                "method", "EVEN", "targets", List.of()))));
        assertThat(pools.status()).as(pools.raw()).isEqualTo(200);

        Page page = signedIn(browser.desktop(ColorScheme.LIGHT), e.username());
        page.navigate(url("/cost/chargeback?month=" + month));
        assertThat(page.getByTestId("chargeback-row")).hasCount(2);
        assertThat(page.getByTestId("chargeback-row").first()).containsText(Pattern.compile("^a\\s*USD\\s*\\$60\\.00\\s*\\$10\\.00\\s*\\$70\\.00\\s*58\\.33%$"));
        assertThat(page.getByTestId("chargeback-row-unallocated")).containsText("(unallocated)");
        assertThat(page.getByTestId("chargeback-row-unallocated")).containsText("$10.00");
        assertThat(page.getByTestId("chargeback-total")).containsText("$120.00");
        assertThat(page.getByTestId("chargeback-pools")).containsText("Support");
        check(page, "cost-chargeback-light");

        Download csv = page.waitForDownload(() -> page.getByTestId("chargeback-csv").click());
        assertThat(csv.suggestedFilename()).isEqualTo("chargeback-" + month + "-team.csv");
        List<String> lines = Files.readString(csv.path(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("month,dimension,value,currency,direct_effective_cost,shared_effective_cost,total_effective_cost");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(month + ",team,a,USD,60.00,10.00,70.00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(month + ",team,(unallocated),USD,10.00,0.00,10.00"));

        Download pdf = page.waitForDownload(() -> page.getByTestId("chargeback-pdf").click());
        assertThat(pdf.suggestedFilename()).endsWith(".pdf");
        assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the dimension is part of the URL: a project chargeback has everything unallocated
        choose(page, "chargeback-dimension", "Project");
        assertThat(page).hasURL(Pattern.compile(".*dimension=project.*"));
        assertThat(page.getByTestId("chargeback-row")).hasCount(0);
        assertThat(page.getByTestId("chargeback-row-unallocated")).containsText("$120.00");
        page.context().close();

        darkAndPhone(e.username(), "cost-chargeback", "/cost/chargeback?month=" + month, "chargeback-row-unallocated");
    }

    @Test
    void aBudgetCreatedInTheFormShowsItsBurnDownAndACrossedThreshold() throws Exception {
        Estate e = estate();
        putTeamTagRule(e.f().api);
        LocalDate first = YearMonth.now(ZoneOffset.UTC).atDay(1);
        e.f().load(row(1, "acct-1", first, "EC2", "70", Map.of("team", "payments")), row(2, "acct-1", first, "EC2", "500", Map.of("team", "other")));

        Page page = signedIn(browser.desktop(ColorScheme.LIGHT), e.username());
        page.navigate(url("/cost/budgets"));
        assertThat(page.getByText("No budgets yet.")).isVisible();
        page.getByTestId("budget-new").click();
        page.getByTestId("budget-submit").click();
        assertThat(page.getByText("Required").first()).isVisible();
        page.getByTestId("budget-name").fill("Payments");
        page.getByTestId("budget-scope-value").fill("payments");
        page.getByTestId("budget-amount").fill("100");
        assertThat(page.getByTestId("budget-thresholds-actual")).hasValue("50, 80, 100");
        check(page, "cost-budget-form-light");
        page.getByTestId("budget-submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/cost/budgets/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("kpi-actual")).containsText("$70.00");
        assertThat(page.getByTestId("kpi-projected")).containsText("month-to-date run rate");
        assertThat(page.getByTestId("burn-down-chart").locator("canvas")).isVisible();
        assertThat(page.getByTestId("threshold-crossed").first()).containsText("Actual ≥ 50%");
        assertThat(page.getByTestId("threshold-row-crossed").first()).containsText("Actual");
        check(page, "cost-budget-burndown-light");
        String budgetPath = page.url().substring(page.url().indexOf("/cost/budgets/"));

        page.getByTestId("cost-nav-budgets").click();
        assertThat(page.getByTestId("budget-row-Payments")).containsText("Actual ≥ 50%");
        assertThat(page.getByTestId("budget-row-Payments").getByTestId("budget-actual")).containsText("70%");
        assertThat(page.getByText("projection: month-to-date run rate")).isVisible();
        check(page, "cost-budgets-light");
        page.context().close();

        darkAndPhone(e.username(), "cost-budget-burndown", budgetPath, "burn-down-chart");
        darkAndPhone(e.username(), "cost-budgets", "/cost/budgets", "budget-row-Payments");
    }
}
