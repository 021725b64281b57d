package io.cloudwarden.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.accounts.*}: sync scheduling.
 *
 * @param schedulerEnabled whether this node runs sync jobs (turn off on API-only replicas)
 * @param pollInterval     how often the scheduler looks for due accounts
 * @param concurrency      syncs one node runs at once
 * @param lease            how long a node holds an account while syncing; another node may take over after it
 * @param retryBase        first retry delay after a failed sync; doubled per consecutive failure
 * @param retryCap         longest retry delay
 * @param retryJitter      random spread of retry delays, 0..1 (0.2 = up to 20% either way)
 */
@ConfigurationProperties("cloudwarden.accounts")
public record AccountsProperties(Boolean schedulerEnabled, Duration pollInterval, Integer concurrency, Duration lease,
                                 Duration retryBase, Duration retryCap, Double retryJitter) {

    public AccountsProperties {
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        concurrency = concurrency == null ? 2 : concurrency;
        lease = lease == null ? Duration.ofMinutes(30) : lease;
        retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
        retryCap = retryCap == null ? Duration.ofHours(1) : retryCap;
        retryJitter = retryJitter == null ? 0.2 : retryJitter;
    }
}
