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

    /** One file of an import: its name and how to open it. */
    public record ImportFile(String name, Long sizeBytes, FileSource source) {
    }

    /** Records a new import in the tenant bound to the thread; it runs when {@link #run} is called. */
    public UUID register(CostImport.Source source, String fileName, String location, Long sizeBytes, UUID accountId, String actor) {
        TenantId tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> store.create(tenant, id, source, fileName, location, sizeBytes, accountId, actor));
        return id;
    }

    /**
     * Runs a registered import to the end on the calling thread and returns its final state. All its files are read
     * in order into one ledger load, so together they replace the billing periods they contain (a month of daily
     * files is imported as one import). If any file is refused, nothing is stored.
     */
    public CostImport run(TenantId tenant, UUID id, List<ImportFile> files) {
        return TenantContext.callAs(tenant, () -> {
            CostImport job = store.find(tenant, id).orElseThrow();
            if (!Boolean.TRUE.equals(separate.execute(s -> store.markRunning(id)))) {
                return job;
            }
            try {
                execute(tenant, job, files);
            } catch (CostFileRefusedException e) {
                finishUnchanged(tenant, job, CostImport.Status.REFUSED, e.getMessage());
            } catch (Exception e) {
                log.warn("Cost import {} ({}) failed", id, job.fileName(), e);
                finishUnchanged(tenant, job, CostImport.Status.FAILED, message(e));
            }
            return store.find(tenant, id).orElseThrow();
        });
    }

    private void execute(TenantId tenant, CostImport job, List<ImportFile> files) {
        try (BackgroundConformance conformance = new BackgroundConformance(checker.begin())) {
            execute(tenant, job, files, conformance);
        }
    }

    private void execute(TenantId tenant, CostImport job, List<ImportFile> files, BackgroundConformance conformance) {
        List<CostImportStore.QuarantinedRow> quarantined = new ArrayList<>();
        List<CostReadResult> results = new ArrayList<>();
        long total = files.stream().mapToLong(f -> f.sizeBytes() == null ? 0 : Math.max(0, f.sizeBytes())).sum();
        Progress progress = new Progress(job.id(), total);
        ledger.load(tenant, job.id(), writer -> {
            for (int i = 0; i < files.size(); i++) {
                ImportFile file = files.get(i);
                int index = i;
                try (InputStream raw = file.source().open(); BoundedInputStream in = BoundedInputStream.builder().setInputStream(raw).get()) {
                    progress.file(in);
                    results.add(reader.read(in, file.name(), new CostRowSink() {
                        @Override
                        public void accept(FocusRow row) {
                            conformance.check(row);
                            writer.write(row);
                            progress.tick();
                        }

                        @Override
                        public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
                            quarantined.add(new CostImportStore.QuarantinedRow(index, file.name(), sourceRow, reason, raw));
                            progress.tick();
                        }
                    }));
                    progress.fileDone();
                }
            }
        }, load -> {
            ConformanceReport report = conformance.finish();
            store.quarantine(tenant, job.id(), quarantined);
            long read = results.stream().mapToLong(CostReadResult::rowsRead).sum();
            long accepted = results.stream().mapToLong(CostReadResult::rowsAccepted).sum();
            long bad = results.stream().mapToLong(CostReadResult::rowsQuarantined).sum();
            boolean nothingAccepted = accepted == 0;
            CostImport.Status status = nothingAccepted ? CostImport.Status.FAILED : CostImport.Status.SUCCEEDED;
            String error = nothingAccepted ? "no row of '" + job.fileName() + "' could be accepted; the quarantine lists why" : null;
            ImportReport importReport = ImportReport.of(files.stream().map(ImportFile::name).toList(), results, load, report);
            store.finish(job.id(), status, importReport.format().id(), read, accepted, bad, importReport, error);
            events.publishEvent(new CostImportFinished(tenant, job.id(), job.requestedBy(), job.fileName(), status.name(),
                    importReport.format().id(), accepted, bad,
                    load.periods().stream().map(CostLedger.PeriodReplaced::billingAccountId).distinct().toList(), error, Instant.now()));
        });
    }

    /** Writes an import's progress (bytes read of all its files) at most once a second, in its own transaction. */
    private final class Progress {
        private final UUID id;
        private final long totalBytes;
        private long doneBytes;
        private long rows;
        private long last = System.nanoTime();
        private BoundedInputStream current;

        Progress(UUID id, long totalBytes) {
            this.id = id;
            this.totalBytes = totalBytes;
        }

        void file(BoundedInputStream in) {
            current = in;
        }

        void fileDone() {
            doneBytes += current.getCount();
            current = null;
        }

        void tick() {
            rows++;
            long now = System.nanoTime();
            if (now - last > PROGRESS_EVERY_NANOS) {
                last = now;
                long bytes = doneBytes + (current == null ? 0 : current.getCount());
                double fraction = totalBytes <= 0 ? 0 : (double) bytes / totalBytes;
                long r = rows;
                separate.executeWithoutResult(s -> store.progress(id, fraction, r));
            }
        }
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

    /** The rows an import quarantined, in file and row order. */
    public CursorPage<CostImportStore.QuarantinedRow> quarantined(CostImport job, String cursor, int limit) {
        List<String> names = new ArrayList<>();
        if (job.report() != null) {
            job.report().path("files").forEach(f -> names.add(f.path("name").asString()));
        }
        if (names.isEmpty()) {
            names.add(job.fileName());
        }
        return store.quarantined(TenantContext.require(), job.id(), names, cursor, limit);
    }

    /** Keeps the given imports from being taken for abandoned while they wait or run. */
    void heartbeat(TenantId tenant, List<UUID> ids) {
        TenantContext.runAs(tenant, () -> separate.executeWithoutResult(s -> store.heartbeat(ids)));
    }
}
