package io.cloudwarden.identity.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every node through PostgreSQL (bucket4j, table {@code rate_limit_buckets}). Each
 * node may consume a small share of a limit locally before it synchronizes (bucket4j's delaying optimization),
 * so a request costs a database round trip only every few requests; ADR 24 gives the bound on the overshoot.
 */
@Component
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration SYNC_AT_LEAST_EVERY = Duration.ofMillis(500);
    private static final int MAX_LOCAL_BUCKETS = 20_000;

    private final ProxyManager<String> buckets;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> cleaner;
    private final RateLimitProperties props;
    private final Map<String, Bucket> local = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_LOCAL_BUCKETS;
        }
    });

    RateLimiter(DataSource dataSource, RateLimitProperties props) {
        this.props = props;
        this.cleaner = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.buckets = cleaner;
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code perMinute} tokens.
     *
     * @return empty when the request may proceed, else the whole seconds to wait (at least 1)
     */
    OptionalLong tryConsume(String key, int perMinute) {
        // the limit is part of the key: a changed limit starts a fresh bucket (the old one expires after a minute)
        String bucketKey = key + "/" + perMinute;
        Bucket bucket = local.computeIfAbsent(bucketKey, k -> build(bucketKey, perMinute));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return OptionalLong.of(seconds);
    }

    private Bucket build(String key, int perMinute) {
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        long localTokens = (long) perMinute * props.localShare() / 1000;
        var builder = buckets.builder();
        if (localTokens >= 2) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(localTokens, SYNC_AT_LEAST_EVERY)));
        }
        return builder.build(key, () -> config);
    }

    /** Deletes buckets that are full again (idle for a minute); they are recreated on the next request. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void removeExpired() {
        try {
            int removed;
            do {
                removed = cleaner.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate-limit buckets: {}", e.getMessage());
        }
    }
}
