package io.cloudwarden.console.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium ({@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}) driven by Playwright, which
 * downloads no browser. Screenshots go to {@code target/screenshots}; accessibility is checked with axe-core.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP_WIDTH = 1440;
    static final int DESKTOP_HEIGHT = 900;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        String executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(executable))) {
            throw new IllegalStateException("Chromium is needed for the browser tests: install it (apt-get install chromium)"
                    + " or point CHROMIUM_PATH at it; looked for " + executable);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(executable)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    /** A fresh context (no shared storage) at desktop size in the given color scheme. */
    Page desktop(ColorScheme scheme) {
        return page(DESKTOP_WIDTH, DESKTOP_HEIGHT, scheme);
    }

    Page phone(ColorScheme scheme) {
        return page(PHONE_WIDTH, PHONE_HEIGHT, scheme);
    }

    private Page page(int width, int height, ColorScheme scheme) {
        BrowserContext context = chromium.newContext(new NewContextOptions().setViewportSize(width, height)
                .setColorScheme(scheme).setLocale("en-US").setTimezoneId("UTC"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /**
     * Waits until no CSS transition or animation runs (MUI fades colours over ~300 ms: a screenshot or a contrast
     * check in between sees half-way colours). Infinite ones (skeleton pulses, spinners) are ignored.
     */
    static void settle(Page page) {
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect?.getComputedTiming?.().endTime === Infinity)");
    }

        /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** The serious and critical accessibility violations axe-core finds on the page, described. */
    static List<String> seriousViolations(Page page) {
        List<String> found = analyze(page);
        if (!found.isEmpty()) {
            // a colour or state change that started after the page settled (e.g. a chip turning green) can be caught
            // half-way; what is still wrong once it has finished is a real violation
            page.waitForTimeout(600);
            settle(page);
            found = analyze(page);
        }
        return found;
    }

    private static List<String> analyze(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(Browser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
