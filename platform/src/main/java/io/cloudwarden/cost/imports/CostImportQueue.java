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
    public Path spoolFile(UUID importId, int index) throws IOException {
        Files.createDirectories(props.spoolDirectory());
        return props.spoolDirectory().resolve(importId + "-" + index + ".upload");
    }

    /** A file of an upload waiting in the spool. */
    public record Spooled(String name, Path path) {
    }

    /** Queues a registered import whose files are in the spool; they are deleted afterwards. */
    public Future<?> submitSpooled(UUID id, List<Spooled> files) {
        List<CostImports.ImportFile> sources = new ArrayList<>();
        for (Spooled f : files) {
            sources.add(new CostImports.ImportFile(f.name(), size(f.path()), () -> Files.newInputStream(f.path())));
        }
        return submit(id, sources, files.stream().map(Spooled::path).toList());
    }

    /** Queues a registered import that reads its files from elsewhere (an object store, a connector). */
    public Future<?> submit(UUID id, List<CostImports.ImportFile> files) {
        return submit(id, files, List.of());
    }

    private Future<?> submit(UUID id, List<CostImports.ImportFile> files, List<Path> spooled) {
        TenantId tenant = TenantContext.require();
        held.put(id, tenant);
        return workers.submit(() -> {
            try {
                imports.run(tenant, id, files);
            } catch (RuntimeException e) {
                log.error("Cost import {} could not be run", id, e);
            } finally {
                held.remove(id);
                for (Path p : spooled) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        log.warn("Could not delete the spooled upload {}", p, e);
                    }
                }
            }
        });
    }

    private static Long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return null;
        }
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
