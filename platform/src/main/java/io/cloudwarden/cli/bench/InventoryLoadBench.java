package io.cloudwarden.cli.bench;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.ConnectorPlugin;
import io.cloudwarden.connector.spi.InventoryRequest;
import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.inventory.IngestionReference;
import io.cloudwarden.inventory.IngestionRequest;
import io.cloudwarden.inventory.IngestionResult;
import io.cloudwarden.inventory.InventoryIngestion;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code inventory-load}: a full load of a simulated estate (10 accounts: 4 AWS, 3 Azure, 3 GCP) through the
 * real ingestion, against the physical reference (the same rows copied into an unindexed temporary table),
 * then a delta re-sync of one account with about 10,000 changes.
 */
@Component
@Profile("bench")
class InventoryLoadBench implements Benchmark {

    /** Per-mille change rate of the delta step: a 100,000-resource account re-synced changes about 10,000. */
    static final int DELTA_CHANGE_RATE = 65;
    private static final String[] PROVIDERS = {"aws", "aws", "aws", "aws", "azure", "azure", "azure", "gcp", "gcp", "gcp"};

    private final InventoryIngestion ingestion;
    private final IngestionReference reference;
    private final BenchTenant tenant;
    private final int concurrency;

    /**
     * @param concurrency accounts loaded at once: the sync scheduler's own setting, so the benchmark loads the
     *                    way the platform does; the COPY reference uses the same concurrency
     */
    InventoryLoadBench(InventoryIngestion ingestion, IngestionReference reference, BenchTenant tenant,
                       @Value("${cloudwarden.accounts.concurrency:2}") int concurrency) {
        this.ingestion = ingestion;
        this.reference = reference;
        this.tenant = tenant;
        this.concurrency = Math.max(1, concurrency);
    }

    @Override
    public String name() {
        return "inventory-load";
    }

    @Override
    public String description() {
        return "Full inventory load of --resources simulated resources in 10 accounts vs raw COPY, then a ~10k-change delta sync";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) {
        List<Account> accounts = accounts(options.resources(), options.seed());
        long copyStart = System.nanoTime();
        long copied = forEachAccount(accounts, concurrency, a ->
                TenantContext.callAs(tenant.tenant(), () -> reference.copyOnly(a.request(tenant.tenant(), 1), a.collector(1))));
        double copySeconds = seconds(copyStart);
        report.progress(String.format(Locale.ROOT, "copy reference: %,d rows in %.1f s", copied, copySeconds));

        long loadStart = System.nanoTime();
        long loaded = load(ingestion, accounts, tenant.tenant(), report, concurrency);
        double loadSeconds = seconds(loadStart);
        report.figure("inventory-load", Map.of("resources", loaded, "concurrency", concurrency, "seconds", loadSeconds,
                "resources_per_s", loaded / loadSeconds, "copy_reference_temp_table_seconds", copySeconds,
                "ratio", loadSeconds / copySeconds));

        List<Double> deltaSeconds = new ArrayList<>();
        long changed = 0;
        for (int i = 0; i < Math.max(1, Math.min(options.iterations(), accounts.size())); i++) {
            Account a = accounts.get(i);
            long start = System.nanoTime();
            IngestionResult r = TenantContext.callAs(tenant.tenant(),
                    () -> ingestion.ingestSnapshot(a.request(tenant.tenant(), 2), a.collector(2)));
            deltaSeconds.add(seconds(start));
            changed = r.created() + r.modified() + r.deleted();
            report.progress(String.format(Locale.ROOT, "delta %s: %d created, %d modified, %d deleted in %.2f s",
                    a.name(), r.created(), r.modified(), r.deleted(), deltaSeconds.get(i)));
        }
        deltaSeconds.sort(Double::compare);
        report.figure("inventory-delta", Map.of("changed", changed, "account_resources", options.resources() / accounts.size(),
                "seconds", deltaSeconds.get(deltaSeconds.size() / 2), "iterations", deltaSeconds.size()));
    }

    /** Loads every account at sync 1, {@code concurrency} accounts at a time; returns the resources ingested. */
    static long load(InventoryIngestion ingestion, List<Account> accounts, TenantId tenant, BenchmarkReport report,
                     int concurrency) {
        AtomicLong total = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        return forEachAccount(accounts, concurrency, a -> {
            IngestionResult r = TenantContext.callAs(tenant, () -> ingestion.ingestSnapshot(a.request(tenant, 1), a.collector(1)));
            report.progress(String.format(Locale.ROOT, "loaded %d/%d accounts, %,d resources (%s: %.1f s)", done.incrementAndGet(),
                    accounts.size(), total.addAndGet(r.seen()), a.name(), r.millis() / 1000.0));
            return r.seen();
        });
    }

    /** Runs {@code work} for every account on {@code concurrency} threads and sums the results. */
    static long forEachAccount(List<Account> accounts, int concurrency, ToLongFunction<Account> work) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (Account a : accounts) {
                results.add(pool.submit(() -> work.applyAsLong(a)));
            }
            long sum = 0;
            for (Future<Long> f : results) {
                sum += f.get();
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an account failed to load: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bench estate: 10 simulator accounts sharing {@code resources}. */
    static List<Account> accounts(int resources, long seed) {
        List<Account> accounts = new ArrayList<>();
        ConnectorFactory factory = ServiceLoader.load(ConnectorPlugin.class).stream()
                .flatMap(p -> p.get().factories().stream()).filter(f -> f.name().equals("simulator")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the simulator connector is not on the class path"));
        for (int i = 0; i < PROVIDERS.length; i++) {
            String provider = PROVIDERS[i];
            String nativeAccount = switch (provider) {
                case "aws" -> String.format("%012d", 100_000_000_000L + i);
                case "azure" -> UUID.nameUUIDFromBytes(("bench-sub-" + i).getBytes(StandardCharsets.UTF_8)).toString();
                default -> "bench-project-" + i;
            };
            int share = resources / PROVIDERS.length + (i < resources % PROVIDERS.length ? 1 : 0);
            accounts.add(new Account(factory, provider, nativeAccount, share, seed + i));
        }
        return accounts;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One simulated account of the bench estate. */
    static final class Account {
        private final ConnectorFactory factory;
        private final String provider;
        private final String nativeAccount;
        private final int resources;
        private final long seed;
        final UUID id;

        Account(ConnectorFactory factory, String provider, String nativeAccount, int resources, long seed) {
            this.factory = factory;
            this.provider = provider;
            this.nativeAccount = nativeAccount;
            this.resources = resources;
            this.seed = seed;
            this.id = UUID.nameUUIDFromBytes(("bench-account-" + provider + "-" + nativeAccount).getBytes(StandardCharsets.UTF_8));
        }

        String name() {
            return provider + " " + nativeAccount;
        }

        IngestionRequest request(TenantId tenant, long sequence) {
            return new IngestionRequest(tenant, id, name(), CloudProvider.parse(provider), UUID.randomUUID(),
                    Instant.now(), null);
        }

        Consumer<ResourceSink> collector(long sequence) {
            ConnectorConfig config = ConnectorConfig.of(Map.of("provider", provider, "accountId", nativeAccount,
                    "resources", Integer.toString(resources), "seed", Long.toString(seed),
                    "changeRate", Integer.toString(DELTA_CHANGE_RATE), "accessSecret", "bench"), factory.configProperties());
            var connector = factory.create(config, new ConnectorContext(name(), Clock.systemUTC()));
            return sink -> connector.inventory().collect(new InventoryRequest(sequence, Instant.now()), sink);
        }
    }
}
