package io.cloudwarden.identity.internal;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsTest {

    @Test
    void locksDoubleFromOneMinuteUpToAnHour() {
        assertThat(LoginAttempts.lockDuration(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginAttempts.lockDuration(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoginAttempts.lockDuration(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(LoginAttempts.lockDuration(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(LoginAttempts.lockDuration(7)).isEqualTo(Duration.ofMinutes(60));
        assertThat(LoginAttempts.lockDuration(50)).isEqualTo(Duration.ofMinutes(60));
    }
}
