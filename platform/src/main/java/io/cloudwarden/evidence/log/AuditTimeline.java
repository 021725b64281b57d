package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/** The audit timeline: stored entries filtered by actor, action, target, resource, outcome and time, newest first. */
@Component
public class AuditTimeline {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Timeline filters; each is optional. {@code action} matches a whole action or a dotted prefix
     * ({@code identity.login} matches {@code identity.login.failed}); {@code resource} matches entries whose
     * target is {@code resource:<id>}.
     */
    public record Filter(String actor, String action, String target, String resource, AuditableEvent.Outcome outcome,
                         Instant from, Instant to) {
        String fingerprint() {
            return String.join("|", String.valueOf(actor), String.valueOf(action), String.valueOf(target),
                    String.valueOf(resource), String.valueOf(outcome), String.valueOf(from), String.valueOf(to));
        }
    }

    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    AuditTimeline(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = JdbcClient.create(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One page, newest first. */
    public CursorPage<StoredEntry> page(TenantId tenant, Filter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_FILTER,
                    "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        Long before = cursor == null ? null : Long.parseLong(Cursors.decode(cursor, filter.fingerprint(), 1).get(0));
        List<StoredEntry> items = new ArrayList<>(limit + 1);
        query(tenant, filter, before, limit + 1, items::add);
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            next = Cursors.encode(filter.fingerprint(), List.of(Long.toString(items.get(limit - 1).index())));
        }
        return new CursorPage<>(items, next);
    }

    /**
     * Every matching entry, newest first, streamed through a database cursor (in a read-only transaction, so
     * PostgreSQL hands the rows over in batches instead of all at once), for exports of any size.
     */
    public void each(TenantId tenant, Filter filter, Consumer<StoredEntry> sink) {
        TenantContext.runAs(tenant, () -> readOnly.executeWithoutResult(
                status -> query(streaming, tenant, filter, null, Integer.MAX_VALUE, sink)));
    }

    private void query(TenantId tenant, Filter f, Long before, int limit, Consumer<StoredEntry> sink) {
        query(jdbc, tenant, f, before, limit, sink);
    }

    private void query(JdbcClient client, TenantId tenant, Filter f, Long before, int limit, Consumer<StoredEntry> sink) {
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_FILTER, "from must not be after to.");
        }
        StringBuilder sql = new StringBuilder("""
                select idx, occurred_at, actor, action, outcome, target, entry, leaf_hash from audit_entries
                where tenant_id = ?""");
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        if (f.actor() != null) {
            sql.append(" and actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" and (action = ? or action like ? escape '\\')");
            params.add(f.action());
            params.add(f.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
        }
        if (f.target() != null) {
            sql.append(" and target = ?");
            params.add(f.target());
        }
        if (f.resource() != null) {
            sql.append(" and target = ?");
            params.add("resource:" + f.resource());
        }
        if (f.outcome() != null) {
            sql.append(" and outcome = ?");
            params.add(f.outcome().wireName());
        }
        if (f.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (before != null) {
            sql.append(" and idx < ?");
            params.add(before);
        }
        sql.append(" order by idx desc");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" limit ").append(limit);
        }
        TenantContext.runAs(tenant, () -> client.sql(sql.toString()).params(params)
                .query(rs -> {
                    sink.accept(new StoredEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), LogWriter.outcome(rs.getString(5)), rs.getString(6), rs.getBytes(7),
                            rs.getBytes(8)));
                }));
    }
}
