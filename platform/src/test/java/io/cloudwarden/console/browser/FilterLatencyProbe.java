package io.cloudwarden.console.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A measurement, not a test: how long Inventory takes, in real Chromium, from a changed filter to its first
 * page on screen, against a running server (for the console issue's target with {@code demo --resources
 * 1000000}). It signs in, opens Inventory, then changes the filter through the URL (as a deep link or a
 * facet click does: the page reads its filters from the URL) {@code samples} times, cycling through
 * providers, regions and types, and times each change until the table shows rows of the new filter.
 *
 * <p>Run against a demo: {@code ./mvnw -q -pl platform exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cloudwarden.console.browser.FilterLatencyProbe -Dexec.args="http://localhost:8080 admin PASSWORD 40"}
 */
public final class FilterLatencyProbe {

    private FilterLatencyProbe() {
    }

    public static void main(String[] args) {
        String base = args[0];
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        String[] filters = {"provider=aws", "provider=azure", "provider=gcp", "region=us-east-1", "region=eu-west-1",
                "type=AWS::EC2::Volume", "type=AWS::EC2::Instance", "provider=aws&region=us-east-1",
                "provider=gcp&type=compute.googleapis.com/Disk", "state=running"};
        try (Browser browser = new Browser()) {
            Page page = browser.desktop(ColorScheme.LIGHT);
            page.navigate(base + "/login");
            page.locator("[data-testid=login-username] input, input[data-testid=login-username]").first().fill(args[1]);
            page.locator("[data-testid=login-password] input, input[data-testid=login-password]").first().fill(args[2]);
            page.getByTestId("login-submit").click();
            page.getByTestId("user-menu-button").waitFor();
            page.navigate(base + "/inventory");
            page.getByTestId("inventory-row").first().waitFor();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < samples + 5; i++) {
                String filter = filters[i % filters.length] + "&sort=name&n=" + i;
                long start = System.nanoTime();
                page.evaluate("f => { history.pushState({}, '', '/inventory?' + f); dispatchEvent(new PopStateEvent('popstate')); }", filter);
                // the table is replaced by the new filter's first page: wait for a row rendered for this filter
                page.waitForFunction("f => location.search.includes(f) && document.querySelector('[data-testid=inventory-row]')"
                        + " && !document.querySelector('[data-testid=inventory-table] .MuiSkeleton-root')"
                        + " && getComputedStyle(document.querySelector('[data-testid=inventory-table]').parentElement).opacity === '1'",
                        "n=" + i);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i >= 5) {
                    millis.add(ms);   // the first five warm the caches and the JIT
                }
            }
            millis.sort(Double::compare);
            System.out.printf(Locale.ROOT, "console-filter samples=%d p50_ms=%.0f p95_ms=%.0f max_ms=%.0f%n", millis.size(),
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1));
        }
    }
}
