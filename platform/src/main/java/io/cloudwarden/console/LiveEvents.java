package io.cloudwarden.console;

import io.cloudwarden.accounts.AccountSynced;
import io.cloudwarden.accounts.SyncProgress;
import io.cloudwarden.accounts.SyncStarted;
import io.cloudwarden.inventory.ResourcesChanged;
import io.cloudwarden.shared.TenantId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans live events out to the console's open event streams, per tenant: sync started, sync progress,
 * resources changed and sync finished. Facts that belong to a transaction are sent after it commits;
 * sending happens on a separate thread so a slow browser never holds up a sync. Each node serves the streams
 * it holds; behind several nodes the events reach only the clients of the node where they happened (the
 * production event bus will fan them out).
 */
@Component
class LiveEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

    private final Map<TenantId, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cloudwarden-live-events");
        t.setDaemon(true);
        return t;
    });

    /** Opens a stream for the tenant; it ends after {@link #STREAM_TIMEOUT_MS} and the client reconnects. */
    SseEmitter open(TenantId tenant) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        Set<SseEmitter> set = streams.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** Open streams, for tests and metrics. */
    int open() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void on(SyncStarted e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", e.accountId().toString());
        data.put("syncRunId", e.syncRunId().toString());
        data.put("accountName", e.accountName());
        send(e.tenantId(), "sync-started", data);
    }

    @EventListener
    void on(SyncProgress e) {
        send(e.tenantId(), "sync-progress", Map.of("accountId", e.accountId().toString(),
                "syncRunId", e.syncRunId().toString(), "resources", e.resourcesCollected()));
    }

    @EventListener
    void on(ResourcesChanged e) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("created", 0L);
        counts.put("modified", 0L);
        counts.put("deleted", 0L);
        e.changes().forEach(c -> counts.merge(c.change().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", e.accountId().toString());
        data.put("syncRunId", e.syncRunId() == null ? null : e.syncRunId().toString());
        data.putAll(counts);
        afterCommit(() -> send(e.tenantId(), "resources-changed", data));
    }

    @EventListener
    void on(AccountSynced e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", e.accountId().toString());
        data.put("syncRunId", e.syncRunId().toString());
        data.put("status", e.status());
        data.put("resources", e.resources());
        data.put("errorCode", e.errorCode());
        afterCommit(() -> send(e.tenantId(), "sync-finished", data));
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void heartbeat() {
        streams.forEach((tenant, set) -> sender.execute(() -> {
            for (SseEmitter emitter : set) {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    set.remove(emitter);
                }
            }
        }));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private void send(TenantId tenant, String name, Object data) {
        Set<SseEmitter> set = streams.get(tenant);
        if (set == null || set.isEmpty()) {
            return;
        }
        sender.execute(() -> {
            for (SseEmitter emitter : set) {
                try {
                    emitter.send(SseEmitter.event().name(name).data(data, org.springframework.http.MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException e) {
                    set.remove(emitter);
                    log.debug("Dropped a live event stream: {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public void destroy() {
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        sender.shutdownNow();
    }
}
