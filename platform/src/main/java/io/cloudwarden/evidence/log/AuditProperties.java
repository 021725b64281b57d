package io.cloudwarden.evidence.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudwarden.audit.*}: how the ledger names, batches and checkpoints its logs.
 *
 * @param originPrefix         the start of every log's origin (and key name): {@code <prefix>/<tenant id>}
 * @param hashAlgorithm        the hash algorithm of new logs, SHA-256 or SHA3-256
 * @param checkpointInterval   how often logs with new entries get a signed checkpoint
 * @param maxBatch             the most entries one group commit writes
 * @param maxBatchDelay        how long a group commit waits for more entries when it is not full
 * @param outboxPollInterval   how often the intake table is checked for entries from other nodes or restarts
 * @param appendTimeout        how long an append waits for its group commit before failing
 * @param retention            how long entries stay online, and where older ones are archived
 */
@ConfigurationProperties("cloudwarden.audit")
public record AuditProperties(@DefaultValue("cloudwarden.local/audit") String originPrefix,
                              @DefaultValue("SHA-256") String hashAlgorithm,
                              @DefaultValue("500ms") Duration checkpointInterval,
                              @DefaultValue("1000") int maxBatch,
                              @DefaultValue("2ms") Duration maxBatchDelay,
                              @DefaultValue("250ms") Duration outboxPollInterval,
                              @DefaultValue("10s") Duration appendTimeout,
                              @DefaultValue Retention retention) {

    /**
     * {@code cloudwarden.audit.retention.*}.
     *
     * @param online           how long entries stay in the database (a tenant may set its own), 90 days by default
     * @param interval         how often the retention job runs
     * @param archiveDirectory where archived segments are written; the embedded database's default is
     *                         {@code <data dir>/audit-archive}; without one, nothing is archived
     * @param maxSegment       the most entries one archive file holds
     */
    public record Retention(@DefaultValue("90d") Duration online, @DefaultValue("1h") Duration interval,
                            java.nio.file.Path archiveDirectory, @DefaultValue("1000000") int maxSegment) {
    }
}
