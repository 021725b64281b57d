package io.cloudwarden.cli;

import io.cloudwarden.accounts.AccountManagement;
import io.cloudwarden.accounts.CloudAccount;
import io.cloudwarden.accounts.SyncRun;
import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts Cloudwarden on embedded PostgreSQL with a simulated ten-account estate and runs its first sync. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Cloudwarden on an embedded PostgreSQL with a simulated ten-account estate.",
                "The estate has 4 AWS accounts, 3 Azure subscriptions and 3 GCP projects; the first sync runs through the "
                        + "real connector pipeline. The admin password comes from CLOUDWARDEN_ADMIN_PASSWORD, or is generated "
                        + "and printed once."})
class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", description = "Where the embedded database keeps its data (default: ~/.cloudwarden/demo).")
    Path dataDir;

    @Option(names = "--resources", defaultValue = "20000",
            description = "Approximate number of simulated resources across the ten accounts, 100 to 1000000 (default: ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator seed; the same seed gives the same estate (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sync-interval", defaultValue = "300",
            description = "Seconds between scheduled syncs of each account; each sync evolves the estate (default: ${DEFAULT-VALUE}).")
    long syncInterval;

    @Override
    public Integer call() throws Exception {
        if (resources < 100 || resources > 1_000_000) {
            System.err.println("--resources must be between 100 and 1000000");
            return 2;
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".cloudwarden", "demo");
        System.out.println("Starting the Cloudwarden demo: data in " + dir.toAbsolutePath() + ", " + resources + " resources, seed " + seed);
        Instant start = Instant.now();
        Map<String, Object> props = new HashMap<>();
        props.put("cloudwarden.port", port);
        props.put("cloudwarden.db.data-dir", dir.toAbsolutePath().toString());
        props.put("cloudwarden.identity.bootstrap-tenant", "Demo");
        props.put("cloudwarden.accounts.poll-interval", "1s");
        ConfigurableApplicationContext ctx = ServerStart.start(props, new String[0]);
        ServerStart.markServerRunning();
        System.out.printf("Up in %.1f s. Registering the simulated estate...%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        TenantId tenant = ctx.getBean(BootstrapAdmin.class).ensure();
        AccountManagement accounts = ctx.getBean(AccountManagement.class);
        List<CloudAccount> demo = TenantContext.callAs(tenant, () -> {
            List<CloudAccount> list = DemoEstate.ensure(accounts, resources, seed, syncInterval);
            list.forEach(a -> accounts.requestSync(a.id()));
            return list;
        });
        Instant requested = Instant.now();
        waitForFirstSync(accounts, tenant, demo, requested);
        String base = "http://localhost:" + port;
        System.out.printf("%nCloudwarden is ready (%.1f s after start).%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        System.out.println("  Console      " + base + "/   (sign in as admin)");
        System.out.println("  API          " + base + "/api/v1   (log in: POST /api/v1/auth/login {\"username\":\"admin\",\"password\":...})");
        System.out.println("  Swagger UI   " + base + "/swagger-ui.html");
        System.out.println("  OpenAPI      " + base + "/v3/api-docs");
        System.out.println("  Health       " + base + "/actuator/health");
        System.out.println("  Metrics      " + base + "/actuator/prometheus");
        System.out.println("Press Ctrl+C to stop.");
        return 0;
    }

    private static void waitForFirstSync(AccountManagement accounts, TenantId tenant, List<CloudAccount> demo, Instant since)
            throws InterruptedException {
        String lastLine = "";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            int done = 0;
            int failed = 0;
            long resources = 0;
            for (CloudAccount a : demo) {
                CloudAccount current = TenantContext.callAs(tenant, () -> accounts.get(a.id()));
                SyncRun last = current.lastSync();
                if (last != null && !"RUNNING".equals(last.status()) && last.startedAt() != null
                        && !last.startedAt().isBefore(since.minusSeconds(1))) {
                    done++;
                    if ("FAILED".equals(last.status())) {
                        failed++;
                    } else if (last.resources() != null) {
                        resources += last.resources();
                    }
                }
            }
            String line = String.format("synced %d/%d accounts, %,d resources%s", done, demo.size(), resources,
                    failed > 0 ? " (" + failed + " failed; see sync history)" : "");
            if (!line.equals(lastLine)) {
                System.out.println("  " + line);
                lastLine = line;
            }
            if (done == demo.size()) {
                return;
            }
            Thread.sleep(250);
        }
        System.out.println("  the first sync is still running; it continues in the background");
    }
}
