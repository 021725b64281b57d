package io.cloudwarden.evidence.log;

import io.cloudwarden.CloudwardenApplication;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link CrashSafetyTest}: starts the application on the given database and appends
 * entries from several threads, printing {@code ACK <index> <nonce>} only after each append returned (that
 * is, after its group commit). With a count it appends that many, signs a checkpoint and exits; without one
 * it appends until it is killed.
 *
 * <p>Arguments: database URL, tenant id, appends ({@code -1} for until killed).
 */
public final class CrashingAppender {

    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        TenantId tenant = TenantId.of(args[1]);
        long count = Long.parseLong(args[2]);
        ConfigurableApplicationContext app = SpringApplication.run(CloudwardenApplication.class,
                "--cloudwarden.db.url=" + url, "--cloudwarden.db.user=postgres", "--cloudwarden.db.password=",
                "--cloudwarden.db.app-password=test-app-password",
                "--cloudwarden.secrets.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--cloudwarden.identity.bootstrap-on-start=false", "--cloudwarden.accounts.scheduler-enabled=false",
                "--server.port=0", "--logging.level.root=warn", "--spring.main.banner-mode=off");
        io.cloudwarden.testsupport.TestDatabase.owner(url).update(
                "insert into tenants (id, name, kind) values (?, 'Crash', 'CUSTOMER') on conflict do nothing", tenant.value());
        AuditLedger ledger = app.getBean(AuditLedger.class);
        PrintStream out = System.out;
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (count < 0 || issued.getAndIncrement() < count) {
                    String nonce = java.util.UUID.randomUUID().toString();
                    AppendReceipt r = ledger.append(new AuditRecord(tenant, Instant.now(), "system", "test.crash.append",
                            AuditableEvent.Outcome.SUCCESS, "nonce:" + nonce, null, Map.of("nonce", nonce)));
                    synchronized (out) {
                        out.println("ACK " + r.index() + " " + nonce);
                        out.flush();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        ledger.checkpointNow(tenant);
        synchronized (out) {
            out.println("DONE");
            out.flush();
        }
        app.close();
        System.exit(0);
    }
}
