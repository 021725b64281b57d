package io.cloudwarden.identity.internal;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA1 rows (8 digits, 30-second steps, T0 = 0). */
    @ParameterizedTest
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
            "2000000000,69279037", "20000000000,65353130"})
    void matchesTheRfc6238TestVectors(long time, String expected) {
        assertThat(Totp.code(SEED, Totp.step(time), 8, "HmacSHA1")).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValues() {
        assertThat(Totp.code(SEED, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(SEED, Totp.step(1111111109))).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepEitherSideButNotTwo() {
        long now = 1_700_000_000L;
        long step = Totp.step(now);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1), now, Long.MIN_VALUE)).hasValue(step - 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1), now, Long.MIN_VALUE)).hasValue(step + 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 2), now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(SEED, "12345", now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void aCodeIsNotAcceptedTwice() {
        long now = 1_700_000_000L;
        String code = Totp.code(SEED, Totp.step(now));
        long used = Totp.verify(SEED, code, now, Long.MIN_VALUE).orElseThrow();
        assertThat(Totp.verify(SEED, code, now + 5, used)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.fromBase32("MZXW6YTBOI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        byte[] secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
    }
}
