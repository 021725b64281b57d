package io.cloudwarden.accounts.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter and a cap: base * 2^(failures-1), spread by ±jitter, at most cap. */
record RetryBackoff(Duration base, Duration cap, double jitter, DoubleSupplier random) {

    Duration delayAfter(int consecutiveFailures) {
        int exponent = Math.min(Math.max(consecutiveFailures, 1) - 1, 30);
        double millis = Math.min(base.toMillis() * Math.pow(2, exponent), cap.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis((long) Math.min(millis * spread, cap.toMillis()));
    }
}
