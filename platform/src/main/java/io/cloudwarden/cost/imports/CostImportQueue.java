package io.cloudwarden.cost.imports;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background on this node ({@code cloudwarden.cost.import-workers} at a time). Uploaded files
 * wait in the spool directory and are deleted when their import ends. Every half minute the node refreshes the
 * heartbeat of the imports it holds and marks imports nobody holds any more (their node stopped) as failed.
 */
@Component
@EnableConfigurationProperties(CostProperties.class)
public class CostImportQueue {

    private static final Logger log = LoggerFactory.getLogger(CostImportQueue.class);

    private final CostImports imports;
    private final CostProperties props;
    private final JdbcClient jdbc;
    private final ExecutorService workers;
    private final Map<UUID, TenantId> held = new ConcurrentHashMap<>();

    CostImportQueue(CostImports imports, CostProperties props, JdbcClient jdbc) {
        this.imports = imports;
        this.props = props;
        this.jdbc = jdbc;
        this.workers = Executors.newFixedThreadPool(props.importWorkers(), r -> {
            Thread t = new Thread(r, "cost-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** A new spool file for an upload; the caller writes it and then calls {@link #submitSpooled}. */
    public Path spoolFile(UUID importId) throws IOException {
        Files.createDirectories(props.spoolDirectory());
        return props.spoolDirectory().resolve(importId + ".upload");
    }

    /** Queues a registered import whose file is in the spool; the file is deleted afterwards. */
    public Future<?> submitSpooled(UUID id, Path file) {
        return submit(id, () -> Files.newInputStream(file), file);
    }

    /** Queues a registered import that reads its file from {@code source}. */
    public Future<?> submit(UUID id, CostImports.FileSource source) {
        return submit(id, source, null);
    }

    private Future<?> submit(UUID id, CostImports.FileSource source, Path spooled) {
        TenantId tenant = TenantContext.require();
        held.put(id, tenant);
        return workers.submit(() -> {
            try {
                imports.run(tenant, id, source);
            } catch (RuntimeException e) {
                log.error("Cost import {} could not be run", id, e);
            } finally {
                held.remove(id);
                if (spooled != null) {
                    try {
                        Files.deleteIfExists(spooled);
                    } catch (IOException e) {
                        log.warn("Could not delete the spooled upload {}", spooled, e);
                    }
                }
            }
        });
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void heartbeatAndSweep() {
        Map<TenantId, List<UUID>> byTenant = new java.util.HashMap<>();
        held.forEach((id, tenant) -> byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(id));
        byTenant.forEach(imports::heartbeat);
        Integer failed = jdbc.sql("select cw_cost_fail_stale_imports(?)")
                .param(java.sql.Timestamp.from(Instant.now().minus(props.staleAfter()))).query(Integer.class).single();
        if (failed != null && failed > 0) {
            log.warn("Marked {} cost import(s) failed: their node stopped before they finished", failed);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
