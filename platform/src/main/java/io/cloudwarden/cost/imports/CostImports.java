package io.cloudwarden.cost.imports;

import io.cloudwarden.cost.CostImportFinished;
import io.cloudwarden.cost.focus.ConformanceReport;
import io.cloudwarden.cost.focus.FocusConformanceChecker;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.ingest.CostFileReader;
import io.cloudwarden.cost.ingest.CostFileRefusedException;
import io.cloudwarden.cost.ingest.CostReadResult;
import io.cloudwarden.cost.ingest.CostRowSink;
import io.cloudwarden.cost.ledger.CostLedger;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs cost imports (ADR 31): each reads one file with {@link CostFileReader}, checks the accepted rows against the
 * FOCUS 1.2 conformance model, and stores them with {@link CostLedger}, replacing the billing periods they cover.
 * The import's report, its quarantined rows and its audit event commit in the same transaction as the rows; a
 * refused or failed import changes nothing in the ledger. Progress is written as it goes, in its own
 * transactions, so the API can show it.
 */
@Service
public class CostImports {

    private static final Logger log = LoggerFactory.getLogger(CostImports.class);
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final CostImportStore store;
    private final CostFileReader reader;
    private final FocusConformanceChecker checker;
    private final CostLedger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separate;

    CostImports(CostImportStore store, CostFileReader reader, FocusConformanceChecker checker, CostLedger ledger,
                ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.store = store;
        this.reader = reader;
        this.checker = checker;
        this.ledger = ledger;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Opens the file of an import; called once, on the thread that runs it. */
    @FunctionalInterface
    public interface FileSource {
        InputStream open() throws IOException;
    }

    /** Records a new import in the tenant bound to the thread; it runs when {@link #run} is called. */
    public UUID register(CostImport.Source source, String fileName, String location, Long sizeBytes, UUID accountId, String actor) {
        TenantId tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> store.create(tenant, id, source, fileName, location, sizeBytes, accountId, actor));
        return id;
    }

    /** Runs a registered import to the end on the calling thread and returns its final state. */
    public CostImport run(TenantId tenant, UUID id, FileSource file) {
        return TenantContext.callAs(tenant, () -> {
            CostImport job = store.find(tenant, id).orElseThrow();
            if (!Boolean.TRUE.equals(separate.execute(s -> store.markRunning(id)))) {
                return job;
            }
            try (InputStream raw = file.open(); BoundedInputStream in = BoundedInputStream.builder().setInputStream(raw).get()) {
                execute(tenant, job, in);
            } catch (CostFileRefusedException e) {
                finishUnchanged(tenant, job, CostImport.Status.REFUSED, e.getMessage());
            } catch (Exception e) {
                log.warn("Cost import {} ({}) failed", id, job.fileName(), e);
                finishUnchanged(tenant, job, CostImport.Status.FAILED, message(e));
            }
            return store.find(tenant, id).orElseThrow();
        });
    }

    private void execute(TenantId tenant, CostImport job, BoundedInputStream in) {
        FocusConformanceChecker.Session conformance = checker.begin();
        List<CostImportStore.QuarantinedRow> quarantined = new ArrayList<>();
        AtomicReference<CostReadResult> read = new AtomicReference<>();
        long[] lastProgress = {System.nanoTime()};
        long[] rows = {0};
        ledger.load(tenant, job.id(), writer -> read.set(reader.read(in, job.fileName(), new CostRowSink() {
            @Override
            public void accept(FocusRow row) {
                conformance.check(row);
                writer.write(row);
                tick();
            }

            @Override
            public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
                quarantined.add(new CostImportStore.QuarantinedRow(sourceRow, reason, raw));
                tick();
            }

            private void tick() {
                rows[0]++;
                long now = System.nanoTime();
                if (now - lastProgress[0] > PROGRESS_EVERY_NANOS) {
                    lastProgress[0] = now;
                    double progress = job.sizeBytes() == null || job.sizeBytes() <= 0 ? 0 : (double) in.getCount() / job.sizeBytes();
                    separate.executeWithoutResult(s -> store.progress(job.id(), progress, rows[0]));
                }
            }
        })), load -> {
            CostReadResult r = read.get();
            ConformanceReport report = conformance.finish();
            store.quarantine(tenant, job.id(), quarantined);
            boolean nothingAccepted = r.rowsAccepted() == 0;
            CostImport.Status status = nothingAccepted ? CostImport.Status.FAILED : CostImport.Status.SUCCEEDED;
            String error = nothingAccepted ? "no row of '" + job.fileName() + "' could be accepted; the quarantine lists why" : null;
            store.finish(job.id(), status, r.format().name(), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(),
                    ImportReport.of(r, load, report), error);
            events.publishEvent(new CostImportFinished(tenant, job.id(), job.requestedBy(), job.fileName(), status.name(),
                    r.format().name(), r.rowsAccepted(), r.rowsQuarantined(),
                    load.periods().stream().map(CostLedger.PeriodReplaced::billingAccountId).distinct().toList(), error, Instant.now()));
        });
    }

    private void finishUnchanged(TenantId tenant, CostImport job, CostImport.Status status, String error) {
        separate.executeWithoutResult(s -> {
            store.finish(job.id(), status, null, 0, 0, 0, null, error);
            events.publishEvent(new CostImportFinished(tenant, job.id(), job.requestedBy(), job.fileName(), status.name(), null, 0, 0,
                    List.of(), error, Instant.now()));
        });
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getMessage() != null ? e.getMessage() : root.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 1000 ? m.substring(0, 1000) : m;
    }

    public Optional<CostImport> find(UUID id) {
        return store.find(TenantContext.require(), id);
    }

    public CursorPage<CostImport> list(String status, String cursor, int limit) {
        return store.list(TenantContext.require(), status, cursor, limit);
    }

    public CursorPage<CostImportStore.QuarantinedRow> quarantined(UUID id, String cursor, int limit) {
        return store.quarantined(TenantContext.require(), id, cursor, limit);
    }

    /** Keeps the given imports from being taken for abandoned while they wait or run. */
    void heartbeat(TenantId tenant, List<UUID> ids) {
        TenantContext.runAs(tenant, () -> separate.executeWithoutResult(s -> store.heartbeat(ids)));
    }
}
