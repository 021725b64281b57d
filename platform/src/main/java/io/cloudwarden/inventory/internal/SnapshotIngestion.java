package io.cloudwarden.inventory.internal;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.inventory.ChangeType;
import io.cloudwarden.inventory.IngestionRequest;
import io.cloudwarden.inventory.IngestionResult;
import io.cloudwarden.inventory.InventoryIngestion;
import io.cloudwarden.inventory.ResourceChanged;
import io.cloudwarden.inventory.ResourcesChanged;
import io.cloudwarden.inventory.persistence.SnapshotMerge;
import io.cloudwarden.inventory.persistence.SnapshotMerge.MergeKeys;
import io.cloudwarden.inventory.persistence.SnapshotStager;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ingests snapshots in one transaction: stage through COPY, merge set-wise, publish {@link ResourcesChanged}
 * batches from the changes the merge recorded. A failing collector rolls everything back.
 */
@Service
class SnapshotIngestion implements InventoryIngestion {

    private static final Logger log = LoggerFactory.getLogger(SnapshotIngestion.class);

    private final SnapshotMerge merge;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Timer timer;
    private final Clock clock = Clock.systemUTC();

    SnapshotIngestion(SnapshotMerge merge, JdbcClient jdbc, ApplicationEventPublisher events, MeterRegistry meters) {
        this.merge = merge;
        this.jdbc = jdbc;
        this.events = events;
        this.meters = meters;
        this.timer = Timer.builder("cloudwarden.inventory.ingestion").description("Snapshot ingestion wall time")
                .register(meters);
    }

    @Override
    @Transactional
    public IngestionResult ingestSnapshot(IngestionRequest request, Consumer<ResourceSink> collector) {
        requireBound(request.tenant());
        StepTimes steps = new StepTimes();
        merge.prepare(request.accountId());
        SnapshotStager stager = merge.openStager(request.provider(), request.progress());
        try {
            collector.accept(stager);
        } catch (RuntimeException | Error e) {
            merge.abortStaging(stager);
            throw e;
        }
        merge.completeStaging(stager);
        steps.mark("stage");
        long duplicates = merge.dedupeStaging();
        long seen = stager.rows() - duplicates;
        if (duplicates > 0) {
            log.warn("Account {} reported {} duplicate native ids; the last report of each was kept", request.accountId(), duplicates);
        }
        Instant at = request.observedAt() == null ? clock.instant() : request.observedAt();
        MergeKeys keys = new MergeKeys(request.tenant().value(), request.accountId(), request.provider(), request.syncRunId(), at);
        merge.upsertAccount(keys.tenant(), keys.account(), request.accountName(), request.provider(), at);
        merge.matchStaged(keys);
        steps.mark("match");
        merge.mergeCreated(keys);
        steps.mark("create");
        merge.mergeModified(keys);
        steps.mark("modify");
        merge.markDeleted(keys, false);
        steps.mark("delete");
        long relationships = merge.reconcileRelations(keys);
        steps.mark("relations");
        Map<ChangeType, Long> counts = merge.countChanges();
        long created = counts.get(ChangeType.CREATED);
        long modified = counts.get(ChangeType.MODIFIED);
        long deleted = counts.get(ChangeType.DELETED);
        if (created + modified + deleted > 0) {
            merge.flushSearchIndexes();
            steps.mark("index flush");
            merge.refreshStatistics(created + modified + deleted);
            steps.mark("statistics");
            merge.refreshFacets(keys.tenant(), keys.account());
            steps.mark("facets");
            publish(keys, at);
            steps.mark("events");
        }
        count(counts);
        long nanos = steps.total();
        log.debug("Ingested {} rows of account {}: {}", stager.rows(), request.accountId(), steps);
        timer.record(Duration.ofNanos(nanos));
        return new IngestionResult(seen, created, modified, deleted, seen - created - modified, relationships, nanos / 1_000_000);
    }

    @Override
    @Transactional
    public long retireAccount(TenantId tenant, UUID accountId) {
        requireBound(tenant);
        merge.prepare(accountId);
        CloudProvider provider = providerOf(accountId);
        if (provider == null) {
            return 0;
        }
        Instant at = clock.instant();
        MergeKeys keys = new MergeKeys(tenant.value(), accountId, provider, null, at);
        merge.markDeleted(keys, true);
        merge.reconcileRelations(keys);
        long deleted = merge.countChanges().get(ChangeType.DELETED);
        merge.refreshFacets(tenant.value(), accountId);
        publish(keys, at);
        count(Map.of(ChangeType.DELETED, deleted));
        return deleted;
    }

    private CloudProvider providerOf(UUID accountId) {
        return jdbc.sql("select provider from inventory_accounts where account_id = ?").param(accountId)
                .query((rs, n) -> CloudProvider.parse(rs.getString(1))).optional().orElse(null);
    }

    private void publish(MergeKeys keys, Instant at) {
        List<ResourceChanged> batch = new ArrayList<>(ResourcesChanged.MAX_BATCH);
        merge.forEachChange(keys.provider(), change -> {
            batch.add(change);
            if (batch.size() == ResourcesChanged.MAX_BATCH) {
                events.publishEvent(new ResourcesChanged(new TenantId(keys.tenant()), keys.account(), keys.syncRunId(), at, batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            events.publishEvent(new ResourcesChanged(new TenantId(keys.tenant()), keys.account(), keys.syncRunId(), at, batch));
        }
    }

    private void count(Map<ChangeType, Long> counts) {
        counts.forEach((type, n) -> {
            if (n > 0) {
                meters.counter("cloudwarden.inventory.ingested.resources", "change", type.name().toLowerCase()).increment(n);
            }
        });
    }

    /** Wall time of each step, for the debug log line that shows where an ingestion spends its time. */
    private static final class StepTimes {
        private final long start = System.nanoTime();
        private final StringBuilder steps = new StringBuilder();
        private long last = start;

        void mark(String step) {
            long now = System.nanoTime();
            steps.append(steps.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        long total() {
            return System.nanoTime() - start;
        }

        @Override
        public String toString() {
            return steps + ", total " + total() / 1_000_000 + " ms";
        }
    }

    private static void requireBound(TenantId tenant) {
        if (!tenant.equals(TenantContext.current().orElse(null))) {
            throw new IllegalStateException("ingestion for tenant " + tenant + " must run with that tenant bound in TenantContext");
        }
    }
}
