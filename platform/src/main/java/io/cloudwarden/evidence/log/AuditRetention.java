package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.verify.LogVerifier;
import io.cloudwarden.evidence.verify.VerificationReport;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.persistence.DatabaseProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit log retention (ADR 0015). Entries older than the tenant's online retention leave the database in
 * whole checkpointed segments: each segment is first written as a bundle zip to the archive directory,
 * verified there against the signed checkpoints, fsync'd, and recorded; only then are its entries deleted,
 * in the same transaction as an {@code evidence.audit.archived} entry. The hash tiles and checkpoints stay,
 * so the online log still verifies (a bundle of it starts at the first online entry, with the hashes of
 * everything before it) and every later entry stays provable. An archived segment verifies on its own with
 * {@code ./cloudwarden verify-log}.
 */
@Component
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    /** An archived segment: entries {@code [firstIndex, endIndex)}. */
    public record Segment(TenantId tenant, long firstIndex, long endIndex, Path location, String sha256) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditExport export;
    private final AuditLedger ledger;
    private final LogDirectory logs;
    private final AuditProperties.Retention props;
    private final Path archiveDirectory;
    private final Clock clock = Clock.systemUTC();

    AuditRetention(JdbcClient jdbc, TransactionTemplate tx, AuditExport export, AuditLedger ledger, LogDirectory logs,
                   AuditProperties props, DatabaseProperties db) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.export = export;
        this.ledger = ledger;
        this.logs = logs;
        this.props = props.retention();
        this.archiveDirectory = this.props.archiveDirectory() != null ? this.props.archiveDirectory()
                : db.embedded() ? db.dataDir().resolve("audit-archive") : null;
        if (archiveDirectory == null) {
            log.warn("No cloudwarden.audit.retention.archive-directory: audit entries stay online past their retention");
        }
    }

    @Scheduled(fixedDelayString = "${cloudwarden.audit.retention.interval:1h}",
            initialDelayString = "${cloudwarden.audit.retention.interval:1h}")
    void run() {
        if (archiveDirectory == null) {
            return;
        }
        List<Object[]> logsToCheck = jdbc.sql("select tenant_id, online_retention_days from cw_audit_logs_for_retention()")
                .query((rs, n) -> new Object[] {new TenantId(rs.getObject(1, UUID.class)), (Integer) rs.getObject(2)}).list();
        for (Object[] row : logsToCheck) {
            TenantId tenant = (TenantId) row[0];
            Duration online = row[1] == null ? props.online() : Duration.ofDays((Integer) row[1]);
            try {
                archiveOlderThan(tenant, clock.instant().minus(online));
            } catch (RuntimeException e) {
                log.error("Could not archive old audit entries of tenant {}", tenant, e);
            }
        }
    }

    /** Archives every whole checkpointed segment of entries appended before {@code cutoff}; returns the segments. */
    public List<Segment> archiveOlderThan(TenantId tenant, Instant cutoff) {
        if (archiveDirectory == null) {
            throw new IllegalStateException("no archive directory is configured (cloudwarden.audit.retention.archive-directory)");
        }
        List<Segment> archived = new ArrayList<>();
        Optional<Segment> next;
        while ((next = nextSegment(tenant, cutoff)).isPresent()) {
            archived.add(archive(next.get()));
        }
        return archived;
    }

    /** The next segment to archive: from the first online entry to the largest checkpoint before the cutoff. */
    private Optional<Segment> nextSegment(TenantId tenant, Instant cutoff) {
        return TenantContext.callAs(tenant, () -> {
            Long first = jdbc.sql("select min(idx) from audit_entries where tenant_id = ?").param(tenant.value())
                    .query(Long.class).optional().orElse(null);
            if (first == null) {
                return Optional.empty();
            }
            long size = logs.getOrCreate(tenant).treeSize();
            long boundary = jdbc.sql("select coalesce(min(idx), ?) from audit_entries where tenant_id = ? and appended_at >= ?")
                    .params(size, tenant.value(), Timestamp.from(cutoff)).query(Long.class).single();
            long limit = Math.min(boundary, first + props.maxSegment());
            Long end = jdbc.sql("select max(tree_size) from audit_checkpoints where tenant_id = ? and tree_size <= ?")
                    .params(tenant.value(), limit).query(Long.class).optional().orElse(null);
            if (end == null || end <= first) {
                return Optional.empty();
            }
            return Optional.of(new Segment(tenant, first, end, null, null));
        });
    }

    private Segment archive(Segment segment) {
        TenantId tenant = segment.tenant();
        String origin = logs.origin(tenant);
        Path dir = archiveDirectory.resolve(safe(origin));
        Path file = dir.resolve(String.format("%020d-%020d.zip", segment.firstIndex(), segment.endIndex()));
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".segment-", ".zip");
            try {
                Files.delete(temp);
                export.exportSegment(tenant, segment.firstIndex(), segment.endIndex(), temp);
                VerificationReport report = new LogVerifier().verify(temp);
                if (!report.ok() || report.verifiedSize() == null || report.verifiedSize() != segment.endIndex()) {
                    throw new IllegalStateException("the archive of entries " + segment.firstIndex() + " to "
                            + (segment.endIndex() - 1) + " does not verify: " + report.problems());
                }
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            String sha256 = sha256(file);
            Segment done = new Segment(tenant, segment.firstIndex(), segment.endIndex(), file, sha256);
            TenantContext.runAs(tenant, () -> tx.executeWithoutResult(status -> {
                jdbc.sql("insert into audit_archives (tenant_id, first_index, end_index, location, sha256) values (?, ?, ?, ?, ?)")
                        .params(tenant.value(), done.firstIndex(), done.endIndex(), file.toString(), sha256).update();
                long removed = jdbc.sql("select cw_audit_remove_archived(?, ?, ?)")
                        .params(tenant.value(), done.firstIndex(), done.endIndex()).query(Long.class).single();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("firstIndex", done.firstIndex());
                details.put("endIndex", done.endIndex());
                details.put("entries", removed);
                details.put("location", file.toString());
                details.put("sha256", sha256);
                ledger.appendInTransaction(new AuditRecord(tenant, clock.instant(), "system", "evidence.audit.archived",
                        AuditableEvent.Outcome.SUCCESS, "audit-log", null, details));
            }));
            log.info("Archived audit entries {} to {} of tenant {} to {}", done.firstIndex(), done.endIndex() - 1, tenant, file);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("could not archive audit entries to " + file, e);
        }
    }

    /** The archive holding entry {@code index}, if it was archived. */
    public Optional<Segment> archiveOf(TenantId tenant, long index) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("""
                        select first_index, end_index, location, sha256 from audit_archives
                        where tenant_id = ? and first_index <= ? and end_index > ?""")
                .params(tenant.value(), index, index)
                .query((rs, n) -> new Segment(tenant, rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)), rs.getString(4)))
                .optional());
    }

    private static String safe(String origin) {
        StringBuilder out = new StringBuilder();
        for (char c : origin.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' ? c : '_');
        }
        return out.toString();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
