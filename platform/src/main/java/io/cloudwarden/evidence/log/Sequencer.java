package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's single writer on this node: group commit. Direct appends queue here and wait; entries that
 * modules recorded in the intake table (the transactional outbox) are picked up too. Each round writes
 * everything pending (up to {@code maxBatch}, waiting at most {@code maxBatchDelay} for more) in one
 * transaction, and completes the waiting appends only after that transaction has committed, which with
 * {@code synchronous_commit = on} means after its WAL was flushed to disk.
 */
@Component
class Sequencer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    /** A direct append waiting for its group commit. */
    record Request(LogWriter.Pending pending, CompletableFuture<AppendReceipt> done) {
    }

    private record OutboxRow(long id, AuditRecord record, String detailsJson) {
    }

    private final LogWriter writer;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties props;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean outboxSignal = new AtomicBoolean(true);
    private volatile boolean running;
    private Thread thread;

    Sequencer(LogWriter writer, JdbcClient jdbc, TransactionTemplate tx, AuditProperties props) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
    }

    /** Queues a direct append; the future completes after the entry is durable. */
    CompletableFuture<AppendReceipt> submit(LogWriter.Pending pending) {
        if (!running) {
            return CompletableFuture.failedFuture(new CloudwardenException(EvidenceErrorCode.AUDIT_UNAVAILABLE,
                    "The audit log is not running, so the action cannot be recorded."));
        }
        Request request = new Request(pending, new CompletableFuture<>());
        queue.add(request);
        return request.done();
    }

    /** Tells the writer that the intake table has new rows. */
    void outboxChanged() {
        outboxSignal.set(true);
        queue.offer(WAKE);
    }

    private static final Request WAKE = new Request(null, null);

    private void loop() {
        long pollNanos = props.outboxPollInterval().toNanos();
        long lastOutboxCheck = 0;
        while (running) {
            List<Request> batch = new ArrayList<>();
            try {
                Request first = queue.poll(pollNanos, TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, props.maxBatch() - batch.size());
                    if (batch.size() < props.maxBatch() && !props.maxBatchDelay().isZero()) {
                        TimeUnit.NANOSECONDS.sleep(props.maxBatchDelay().toNanos());
                        queue.drainTo(batch, props.maxBatch() - batch.size());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(batch, e);
                return;
            }
            batch.removeIf(r -> r == WAKE);
            boolean checkOutbox = outboxSignal.getAndSet(false) || System.nanoTime() - lastOutboxCheck > pollNanos;
            if (checkOutbox) {
                lastOutboxCheck = System.nanoTime();
            }
            if (batch.isEmpty() && !checkOutbox) {
                continue;
            }
            try {
                boolean more = write(batch, checkOutbox);
                if (more) {
                    outboxSignal.set(true);
                }
            } catch (RuntimeException e) {
                log.error("The audit log could not append {} entries", batch.size(), e);
                failAll(batch, e);
                if (!batch.isEmpty()) {
                    continue;
                }
                sleepQuietly();
            }
        }
        failAll(new ArrayList<>(queue), new IllegalStateException("the audit log stopped"));
    }

    /** Writes the direct appends and up to a batch of intake rows; answers whether intake rows remain. */
    private boolean write(List<Request> batch, boolean withOutbox) {
        Map<TenantId, List<Request>> direct = new LinkedHashMap<>();
        for (Request r : batch) {
            direct.computeIfAbsent(r.pending().record().tenant(), t -> new ArrayList<>()).add(r);
        }
        List<TenantId> tenants = new ArrayList<>(direct.keySet());
        if (withOutbox) {
            jdbc.sql("select tenant_id from cw_audit_pending_tenants(?)").param(1000)
                    .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list()
                    .forEach(t -> {
                        if (!tenants.contains(t)) {
                            tenants.add(t);
                        }
                    });
        }
        if (tenants.isEmpty()) {
            return false;
        }
        Map<Request, AppendReceipt> receipts = new LinkedHashMap<>();
        boolean[] more = {false};
        tx.executeWithoutResult(status -> {
            for (TenantId tenant : tenants) {
                TenantContext.runAs(tenant, () -> {
                    List<OutboxRow> outbox = withOutbox ? claimOutbox(tenant, props.maxBatch()) : List.of();
                    if (outbox.size() == props.maxBatch()) {
                        more[0] = true;
                    }
                    List<Request> requests = direct.getOrDefault(tenant, List.of());
                    List<LogWriter.Pending> pending = new ArrayList<>(outbox.size() + requests.size());
                    outbox.forEach(o -> pending.add(new LogWriter.Pending(o.record(), o.detailsJson())));
                    requests.forEach(r -> pending.add(r.pending()));
                    if (pending.isEmpty()) {
                        return;
                    }
                    LogWriter.Appended appended = writer.append(tenant, pending);
                    if (!outbox.isEmpty()) {
                        jdbc.sql("delete from audit_outbox where id = any(?)")
                                .param(outbox.stream().map(OutboxRow::id).toArray(Long[]::new)).update();
                    }
                    for (int i = 0; i < requests.size(); i++) {
                        int at = outbox.size() + i;
                        receipts.put(requests.get(i), new AppendReceipt(tenant, appended.firstIndex() + at,
                                appended.entries().get(at), appended.leafHashes().get(at)));
                    }
                });
            }
        });
        receipts.forEach((request, receipt) -> request.done().complete(receipt));
        return more[0];
    }

    private List<OutboxRow> claimOutbox(TenantId tenant, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, outcome, target, source_ip, details from audit_outbox
                where tenant_id = ? order by id limit ? for update skip locked""")
                .params(tenant.value(), limit)
                .query((rs, n) -> new OutboxRow(rs.getLong(1), new AuditRecord(tenant,
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        LogWriter.outcome(rs.getString(5)), rs.getString(6), rs.getString(7), null), rs.getString(8)))
                .list();
    }

    private static void failAll(List<Request> batch, Exception cause) {
        for (Request r : batch) {
            if (r != WAKE && r.done() != null) {
                r.done().completeExceptionally(new CloudwardenException(EvidenceErrorCode.AUDIT_UNAVAILABLE,
                        "The audit log could not record the entry: " + cause.getClass().getSimpleName()));
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "cloudwarden-audit-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        queue.offer(WAKE);
        if (thread != null) {
            try {
                thread.join(5000);
                if (thread.isAlive()) {
                    // stuck waiting (e.g. for a connection to a database that is already gone): stop waiting
                    thread.interrupt();
                    thread.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase) so in-flight requests can still append. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
