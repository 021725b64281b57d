package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the latest checkpoint of every tenant's log to every target that has not anchored it yet, every
 * {@code cloudwarden.audit.anchor.interval}. Each attempt, successful or not, is recorded in the
 * {@link AnchorStore} under the log's tenant. A failing target never stops the others; failures are logged with
 * their message only (no credentials, which no message carries) and retried on the next run.
 */
public class Anchoring {

    private static final Logger log = LoggerFactory.getLogger(Anchoring.class);
    private static final int MAX_ERROR_CHARS = 2000;

    private final List<AnchorTarget> targets;
    private final AnchorStore store;
    private final Supplier<Optional<CheckpointFeed>> feed;
    private final Clock clock;
    private final boolean enabled;

    /**
     * @param targets the configured targets
     * @param store   the record of attempts
     * @param feed    the log, if one is installed
     * @param clock   the time of failed attempts
     * @param enabled whether the scheduled job runs on this node
     */
    public Anchoring(List<AnchorTarget> targets, AnchorStore store, Supplier<Optional<CheckpointFeed>> feed, Clock clock,
                     boolean enabled) {
        this.targets = List.copyOf(targets);
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** The configured targets. */
    public List<AnchorTarget> targets() {
        return targets;
    }

    @Scheduled(fixedDelayString = "${cloudwarden.audit.anchor.interval:5m}",
            initialDelayString = "${cloudwarden.audit.anchor.interval:5m}")
    void scheduledRun() {
        if (!enabled || targets.isEmpty()) {
            return;
        }
        try {
            anchorAll();
        } catch (RuntimeException e) {
            log.error("Anchoring run failed: {}", e.getMessage());
        }
    }

    /**
     * Anchors every log's latest checkpoint where needed.
     *
     * @return the attempts made (empty when everything was already anchored or no log is installed)
     */
    public synchronized List<AnchorRecord> anchorAll() {
        Optional<CheckpointFeed> log = feed.get();
        if (log.isEmpty()) {
            Anchoring.log.debug("No audit log is installed; nothing to anchor");
            return List.of();
        }
        List<AnchorRecord> attempts = new ArrayList<>();
        for (LogCheckpoint checkpoint : log.get().latestCheckpoints()) {
            attempts.addAll(TenantContext.callAs(checkpoint.tenant(), () -> anchor(checkpoint)));
        }
        return attempts;
    }

    /** Anchors one checkpoint at every target whose last anchored size is smaller; the tenant must be bound. */
    List<AnchorRecord> anchor(LogCheckpoint checkpoint) {
        List<AnchorRecord> attempts = new ArrayList<>();
        for (AnchorTarget target : targets) {
            AnchorRecord attempt;
            try {
                Optional<AnchorRecord> last = store.lastAnchored(target.id(), checkpoint.origin());
                if (last.isPresent() && last.get().treeSize() == checkpoint.size()) {
                    continue;
                }
                if (last.isPresent() && last.get().treeSize() > checkpoint.size()) {
                    throw new AnchorException(target.id() + " anchored " + checkpoint.origin() + " at size "
                            + last.get().treeSize() + ", beyond the log's latest checkpoint of size " + checkpoint.size()
                            + ": the log was rolled back");
                }
                AnchorReceipt receipt = target.publish(checkpoint);
                attempt = new AnchorRecord(checkpoint.tenant(), checkpoint.origin(), target.id(), checkpoint.size(),
                        checkpoint.rootHash(), checkpoint.note(), receipt.cosignature(), receipt.location(),
                        receipt.anchoredAt(), AnchorRecord.Status.ANCHORED, null);
                log.info("Anchored {} at size {} to {}", checkpoint.origin(), checkpoint.size(), target.id());
            } catch (RuntimeException e) {
                String error = message(e);
                log.warn("Anchoring {} at size {} to {} failed: {}", checkpoint.origin(), checkpoint.size(), target.id(), error);
                attempt = new AnchorRecord(checkpoint.tenant(), checkpoint.origin(), target.id(), checkpoint.size(),
                        checkpoint.rootHash(), checkpoint.note(), null, null, Instant.now(clock), AnchorRecord.Status.FAILED,
                        error);
            }
            try {
                store.record(attempt);
            } catch (RuntimeException e) {
                log.error("Could not record the anchoring of {} at size {} to {}: {}", checkpoint.origin(), checkpoint.size(),
                        target.id(), e.getMessage());
            }
            attempts.add(attempt);
        }
        return attempts;
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > MAX_ERROR_CHARS ? m.substring(0, MAX_ERROR_CHARS) + "..." : m;
    }
}
