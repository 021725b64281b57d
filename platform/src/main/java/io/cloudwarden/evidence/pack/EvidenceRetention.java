package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence retention (ADR 15): items collected longer ago than the tenant's evidence retention (7 years by
 * default) are deleted, each run's deletions recorded in the tenant's audit log in the same transaction.
 * Stored packs keep the copies they were built with.
 */
@Component
public class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);
    private static final int LISTED_IDS = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLedger ledger;
    private final EvidenceProperties props;
    private final Clock clock = Clock.systemUTC();

    EvidenceRetention(JdbcClient jdbc, TransactionTemplate tx, AuditLedger ledger, EvidenceProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "${cloudwarden.evidence.retention-interval:1d}",
            initialDelayString = "${cloudwarden.evidence.retention-interval:1d}")
    void run() {
        int defaultDays = (int) Math.min(Integer.MAX_VALUE, props.retention().toDays());
        List<Object[]> due = jdbc.sql("select tenant_id, retention_days from cw_evidence_expired_tenants(?)").param(defaultDays)
                .query((rs, n) -> new Object[] {new TenantId(rs.getObject(1, UUID.class)), rs.getInt(2)}).list();
        for (Object[] row : due) {
            TenantId tenant = (TenantId) row[0];
            try {
                expire(tenant, clock.instant().minus(Duration.ofDays((Integer) row[1])));
            } catch (RuntimeException e) {
                log.error("Could not delete expired evidence of tenant {}", tenant, e);
            }
        }
    }

    /** Deletes the tenant's items collected before {@code cutoff}; returns how many. */
    public int expire(TenantId tenant, Instant cutoff) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            List<UUID> ids = jdbc.sql("delete from evidence_items where tenant_id = ? and collected_at < ? returning id")
                    .params(tenant.value(), Timestamp.from(cutoff)).query(UUID.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("collectedBefore", cutoff.toString());
            details.put("count", ids.size());
            details.put("items", ids.stream().limit(LISTED_IDS).map(UUID::toString).toList());
            ledger.appendInTransaction(new AuditRecord(tenant, clock.instant(), "system", "evidence.item.expired",
                    AuditableEvent.Outcome.SUCCESS, "evidence-items", null, details));
            log.info("Deleted {} evidence items of tenant {} collected before {}", ids.size(), tenant, cutoff);
            return ids.size();
        }));
    }
}
