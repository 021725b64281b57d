package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsTheTenThousandMostCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isBetween(9_900, 10_000);
    }

    @Test
    void rejectsShortPasswords() {
        assertThat(policy.weakness("short-pass1")).contains("at least 12");
    }

    @Test
    void rejectsCommonPasswordsIgnoringCase() {
        assertThat(policy.weakness("1qaz2wsx3edc")).contains("most common");
        assertThat(policy.weakness("1QAZ2WSX3EDC")).contains("most common");
        assertThatThrownBy(() -> policy.check("123qweasdzxc"))
                .isInstanceOfSatisfying(IdentityProblem.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo("PASSWORD_TOO_WEAK");
                    assertThat(e.properties()).containsKey("reason");
                });
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.weakness("violet-lantern-orbit-42")).isNull();
    }
}
