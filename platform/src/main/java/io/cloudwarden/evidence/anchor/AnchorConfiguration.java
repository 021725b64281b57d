package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.persistence.DatabaseProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires anchoring: the store, the targets from {@code cloudwarden.audit.anchor.*} (with the embedded database,
 * a directory under the data directory by default), the scheduled {@link Anchoring} and {@link AnchorCheck}.
 * The {@link CheckpointFeed} is the log's; until one is installed, anchoring has nothing to do.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AnchorProperties.class)
class AnchorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnchorConfiguration.class);

    @Bean
    AnchorStore anchorStore(JdbcClient jdbc) {
        return new JdbcAnchorStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    AnchorTargets anchorTargets(AnchorProperties props, DatabaseProperties db, AnchorStore store,
                                ObjectProvider<CheckpointFeed> feed) {
        Path defaultDirectory = db.embedded() ? db.dataDir().resolve("anchors") : null;
        ConsistencyProofs proofs = (checkpoint, oldSize, newSize) ->
                feed.getObject().consistencyProof(checkpoint.tenant(), oldSize, newSize);
        AnchorTargets targets = AnchorTargets.from(props, defaultDirectory, store, proofs);
        if (targets.all().isEmpty()) {
            log.info("No audit anchor target is configured (cloudwarden.audit.anchor.*)");
        } else {
            log.info("Audit checkpoints are anchored every {} to {}", props.interval(),
                    targets.all().stream().map(AnchorTarget::id).toList());
        }
        return targets;
    }

    @Bean
    Anchoring anchoring(AnchorTargets targets, AnchorStore store, ObjectProvider<CheckpointFeed> feed, AnchorProperties props) {
        return new Anchoring(targets.all(), store, feedOf(feed), Clock.systemUTC(), props.enabled());
    }

    @Bean
    AnchorCheck anchorCheck(AnchorTargets targets, AnchorStore store, ObjectProvider<CheckpointFeed> feed) {
        return new AnchorCheck(targets.all(), store, feedOf(feed));
    }

    private static Supplier<Optional<CheckpointFeed>> feedOf(ObjectProvider<CheckpointFeed> feed) {
        return () -> Optional.ofNullable(feed.getIfAvailable());
    }
}
