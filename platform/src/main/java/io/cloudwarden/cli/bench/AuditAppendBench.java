package io.cloudwarden.cli.bench;

import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.evidence.log.LedgerAdministration;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.persistence.DatabaseServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code audit-append}: sustained appends per second from {@value #CLIENTS} concurrent callers, each
 * acknowledged only after its group commit was flushed, against the physical reference in the same run:
 * single-row {@code INSERT}s with {@code synchronous_commit = on} into a plain table, from the same number of
 * connections (and from one). Then the p50/p99 from each append to the first signed checkpoint containing it.
 */
@Component
@Profile("bench")
class AuditAppendBench implements Benchmark {

    static final int CLIENTS = 64;

    private final AuditLedger ledger;
    private final LedgerAdministration admin;
    private final BenchTenant tenant;
    private final DatabaseServer database;

    AuditAppendBench(AuditLedger ledger, LedgerAdministration admin, BenchTenant tenant, DatabaseServer database) {
        this.ledger = ledger;
        this.admin = admin;
        this.tenant = tenant;
        this.database = database;
    }

    @Override
    public String name() {
        return "audit-append";
    }

    @Override
    public String description() {
        return "Sustained durable audit appends/s vs synchronous single-row INSERTs; append-to-checkpoint latency";
    }

    private record Append(long submittedAtMillis, long index, long latencyNanos) {
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        int seconds = options.seconds();
        double reference1 = reference(1, seconds, report);
        double referenceN = reference(CLIENTS, seconds, report);

        ConcurrentLinkedQueue<Append> appends = new ConcurrentLinkedQueue<>();
        sustained(CLIENTS, 2, () -> ledger.append(record()));   // warm-up: key generation, JIT, pool
        report.progress("measuring audit appends for " + seconds + " s from " + CLIENTS + " clients");
        long count = sustained(CLIENTS, seconds, () -> {
            long submitted = System.currentTimeMillis();
            long start = System.nanoTime();
            long index = ledger.append(record()).index();
            appends.add(new Append(submitted, index, System.nanoTime() - start));
        });
        double perSecond = count / (double) seconds;
        List<Long> ackNanos = appends.stream().map(Append::latencyNanos).sorted().toList();
        report.figure("audit-append", Map.of("clients", CLIENTS, "seconds", seconds, "appends", count,
                "appends_per_s", perSecond, "ack_p50_ms", ackNanos.get(ackNanos.size() / 2) / 1e6,
                "ack_p99_ms", ackNanos.get((int) (ackNanos.size() * 0.99)) / 1e6,
                "reference_insert_per_s_" + CLIENTS + "_clients", referenceN, "reference_insert_per_s_1_client", reference1,
                "ratio", perSecond / referenceN));

        // every append is in some checkpoint once the checkpointer has caught up
        long last = appends.stream().mapToLong(Append::index).max().orElse(0);
        long deadline = System.currentTimeMillis() + 30_000;
        while (ledger.latestCheckpoint(tenant.tenant()).map(StoredCheckpoint::treeSize).orElse(0L) <= last
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<StoredCheckpoint> checkpoints = admin.allCheckpoints(tenant.tenant());
        long[] sizes = checkpoints.stream().mapToLong(StoredCheckpoint::treeSize).toArray();
        List<Long> toCheckpoint = new ArrayList<>(appends.size());
        for (Append a : appends) {
            int at = firstAbove(sizes, a.index());
            if (at < sizes.length) {
                toCheckpoint.add(checkpoints.get(at).createdAt().toEpochMilli() - a.submittedAtMillis());
            }
        }
        Collections.sort(toCheckpoint);
        report.figure("audit-append-to-checkpoint", Map.of("appends", toCheckpoint.size(), "checkpoints", checkpoints.size(),
                "p50_ms", toCheckpoint.get(toCheckpoint.size() / 2), "p99_ms", toCheckpoint.get((int) (toCheckpoint.size() * 0.99)),
                "max_ms", toCheckpoint.get(toCheckpoint.size() - 1)));
    }

    private AuditRecord record() {
        return new AuditRecord(tenant.tenant(), Instant.now(), "user:bench", "bench.audit.appended",
                AuditableEvent.Outcome.SUCCESS, "resource:bench", "127.0.0.1", Map.of("bench", true));
    }

    /** Binary search: the first checkpoint whose tree contains {@code index}. */
    private static int firstAbove(long[] sizes, long index) {
        int lo = 0;
        int hi = sizes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sizes[mid] > index) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Single-row synchronous INSERTs into a plain table, each its own transaction; rows per second. */
    private double reference(int clients, int seconds, BenchmarkReport report) throws Exception {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             Statement st = owner.createStatement()) {
            st.execute("create table if not exists bench_append_reference (id bigserial primary key, at timestamptz not null, "
                    + "payload bytea not null)");
        }
        report.progress(String.format(Locale.ROOT, "reference: synchronous single-row INSERTs from %d connection(s) for %d s",
                clients, seconds));
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Connection c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
                try (Statement st = c.createStatement()) {
                    st.execute("set synchronous_commit = on");
                }
                connections.add(c);
            }
            AtomicLong next = new AtomicLong();
            ConcurrentLinkedQueue<Connection> free = new ConcurrentLinkedQueue<>(connections);
            ThreadLocal<PreparedStatement> statement = ThreadLocal.withInitial(() -> {
                try {
                    return free.poll().prepareStatement("insert into bench_append_reference (at, payload) values (now(), ?)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] payload = new byte[250];
            long rows = sustained(clients, seconds, () -> {
                PreparedStatement ps = statement.get();
                ps.setBytes(1, payload);
                ps.executeUpdate();
                next.incrementAndGet();
            });
            return rows / (double) seconds;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
                 Statement st = owner.createStatement()) {
                st.execute("drop table if exists bench_append_reference");
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} in a loop on {@code threads} threads for {@code seconds}; returns how many times it ran. */
    private static long sustained(int threads, int seconds, Work work) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(threads);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        work.run();
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    finished.countDown();
                }
            }, "bench-client-" + t);
            thread.start();
        }
        finished.await();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a benchmark client failed", errors.get(0));
        }
        return done.get();
    }
}
