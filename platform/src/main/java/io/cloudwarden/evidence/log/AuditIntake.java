package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes every {@link AuditableEvent} synchronously, in the publisher's transaction, into the ledger's intake
 * table (the transactional outbox). If that write fails, the exception rolls the action back and reaches
 * its caller as {@code AUDIT_UNAVAILABLE}: nothing happens unrecorded. The sequencer later appends the row
 * to the Merkle log; a rolled-back action leaves no row, so nothing is recorded that did not happen.
 */
@Component
class AuditIntake {

    private static final Logger log = LoggerFactory.getLogger(AuditIntake.class);

    private final JdbcClient jdbc;
    private final Sequencer sequencer;
    private final TransactionTemplate tx;

    AuditIntake(JdbcClient jdbc, Sequencer sequencer, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.tx = tx;
    }

    @EventListener
    void on(AuditableEvent event) {
        AuditRecord record = AuditRecord.of(event);
        String details = EntryCodec.detailsJson(record.details());
        try {
            // Joins the publisher's transaction, or makes one; either way its commit waits for the WAL flush.
            tx.executeWithoutResult(status -> TenantContext.runAs(record.tenant(), () -> {
                jdbc.sql("set local synchronous_commit = on").update();
                jdbc.sql("""
                                insert into audit_outbox (tenant_id, occurred_at, actor, action, outcome, target, source_ip, details)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(record.tenant().value(), Timestamp.from(EntryCodec.truncate(record.occurredAt())), record.actor(),
                                record.action(), record.outcome().wireName(), record.target(), record.sourceIp(), details)
                        .update();
            }));
        } catch (DataAccessException e) {
            log.error("The audit log could not take '{}'; the action is refused", record.action(), e);
            throw new CloudwardenException(EvidenceErrorCode.AUDIT_UNAVAILABLE,
                    "The audit log is unavailable, so the action was not performed.");
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sequencer.outboxChanged();
                }
            });
        } else {
            sequencer.outboxChanged();
        }
    }
}
