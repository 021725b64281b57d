package io.cloudwarden.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cloudwarden.cost.CostFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.cloudwarden.cost.CostFixtures;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.PlatformTest;
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
 * Saved filters in real Chromium (ADR 38): the explorer's filters saved as a saved filter and picked again, a budget
 * scoped by it in the budget editor, and the overview's budget-status card, empty and then with that budget, coloured
 * by the threshold it crossed. Screenshots light, dark and at phone width; axe-core on each.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostSavedFilterBrowserTest {

    private static final String PASSWORD = "browser-saved-filter-42";

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

    /** Picks the option starting with {@code option} (no regex characters: Playwright hands the pattern to JavaScript) of the MUI select whose hidden input carries the test id. */
    private static void choose(Page page, String testId, String option) {
        page.locator("div:has(> [data-testid=" + testId + "]) [role=combobox]").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^" + option))).click();
    }

    private static void check(Page page, String name) {
        page.waitForLoadState();
        page.evaluate("window.scrollTo(0, 0)");
        page.waitForTimeout(300);
        Browser.screenshot(page, name);
        assertThat(Browser.seriousViolations(page)).as(name).isEmpty();
    }

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

    @Test
    void filtersSavedInTheExplorerScopeABudgetShownOnTheOverview() {
        CostFixtures f = new CostFixtures(identity, ledger, jdbc, port);
        String username = "saved-ui-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(f.tenant, username, PASSWORD, List.of("ADMIN"));
        LocalDate first = YearMonth.now(ZoneOffset.UTC).atDay(1);
        f.load(row(1, "acct-1", first, "EC2", "70", Map.of("team", "payments")), row(2, "acct-1", first, "S3", "30", Map.of("team", "payments")),
                row(3, "acct-1", first, "EC2", "500", Map.of("team", "other")));
        Page page = signedIn(browser.desktop(ColorScheme.LIGHT), username);

        // the overview's budget card, before there is a budget
        assertThat(page.getByTestId("overview-card-budgets")).containsText("No budgets yet.");
        assertThat(page.getByTestId("overview-budget-create")).hasAttribute("href", "/cost/budgets");
        check(page, "overview-budgets-empty-light");

        // save the explorer's filters
        page.navigate(url("/cost/explorer?range=thisMonth&f=service%3DEC2&f=tag%3Ateam%3Dpayments"));
        assertThat(page.getByTestId("cost-headline")).hasText("$70.00");
        page.getByTestId("cost-save-filter").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("service=EC2, tag:team=payments");
        page.getByTestId("save-filter-name").fill("Payments compute");
        check(page, "cost-saved-filter-dialog-light");
        page.getByTestId("save-filter-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*sf=[0-9a-f-]{36}.*"));
        assertThat(page.getByTestId("cost-saved-filter-chip")).containsText("Payments compute");
        assertThat(page.getByTestId("cost-filters").locator(".MuiChip-root")).hasCount(1); // the explicit filters went into it
        assertThat(page.getByTestId("cost-headline")).hasText("$70.00");

        // pick it again on a fresh view
        page.navigate(url("/cost/explorer?range=thisMonth"));
        assertThat(page.getByTestId("cost-headline")).hasText("$600.00");
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Saved filter")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Payments compute")).click();
        assertThat(page.getByTestId("cost-headline")).hasText("$70.00");
        assertThat(page.getByTestId("cost-saved-filter-chip")).isVisible();
        check(page, "cost-explorer-saved-filter-light");
        String explorerPath = page.url().substring(page.url().indexOf("/cost/explorer"));

        // a budget scoped by it
        page.navigate(url("/cost/budgets"));
        page.getByTestId("budget-new").click();
        page.getByTestId("budget-name").fill("Payments compute");
        choose(page, "budget-scope-type", "Saved filter");
        choose(page, "budget-saved-filter", "Payments compute");
        page.getByTestId("budget-amount").fill("100");
        check(page, "cost-budget-saved-filter-form-light");
        page.getByTestId("budget-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/cost/budgets/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("kpi-actual")).containsText("$70.00");
        assertThat(page.getByText("Saved filter: Payments compute")).isVisible();

        // and on the overview
        page.navigate(url("/"));
        assertThat(page.getByTestId("overview-budget-Payments compute")).containsText("70.0 % actual");
        assertThat(page.getByTestId("overview-budget-Payments compute")).hasAttribute("data-severity", "warning");
        assertThat(page.getByTestId("overview-budget-Payments compute").getByTestId("overview-budget-severity")).hasText("Threshold crossed");
        assertThat(page.getByTestId("overview-card-budgets")).containsText("run-rate projection");
        page.getByTestId("overview-budget-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/cost/budgets/[0-9a-f-]{36}$"));
        page.navigate(url("/"));
        assertThat(page.getByTestId("overview-budget-Payments compute")).isVisible();
        check(page, "overview-budgets-light");
        page.context().close();

        darkAndPhone(username, "overview-budgets", "/", "budget-card");
        darkAndPhone(username, "cost-explorer-saved-filter", explorerPath, "cost-saved-filter-chip");
    }
}
