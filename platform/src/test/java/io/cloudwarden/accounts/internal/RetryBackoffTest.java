package io.cloudwarden.accounts.internal;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void doublesPerFailureUntilTheCap() {
        RetryBackoff b = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 0.0, () -> 0.5);
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(b.delayAfter(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterSpreadsWithinBoundsAndNeverPassesTheCap() {
        RetryBackoff low = new RetryBackoff(Duration.ofSeconds(100), Duration.ofSeconds(150), 0.2, () -> 0.0);
        RetryBackoff high = new RetryBackoff(Duration.ofSeconds(100), Duration.ofSeconds(150), 0.2, () -> 0.999999);
        assertThat(low.delayAfter(1)).isEqualTo(Duration.ofSeconds(80));
        assertThat(high.delayAfter(1).toMillis()).isBetween(119_000L, 120_000L);
        assertThat(high.delayAfter(2)).isEqualTo(Duration.ofSeconds(150));
    }
}
