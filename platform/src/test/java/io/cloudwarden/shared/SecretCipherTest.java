package io.cloudwarden.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private final byte[] key = new byte[32];
    private final SecretCipher cipher = new SecretCipher(key);

    @Test
    void roundTripsAndNeverStoresPlaintext() {
        byte[] blob = cipher.encrypt("{\"accessSecret\":\"hunter2-very-secret\"}");
        assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(cipher.decrypt(blob)).isEqualTo("{\"accessSecret\":\"hunter2-very-secret\"}");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("x")).isNotEqualTo(cipher.encrypt("x"));
    }

    @Test
    void detectsTampering() {
        byte[] blob = cipher.encrypt("secret");
        blob[blob.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(blob)).isInstanceOf(IllegalStateException.class).hasMessageContaining("tampered");
    }

    @Test
    void rejectsBlobsOfAnotherMasterKey() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        byte[] blob = new SecretCipher(other).encrypt("secret");
        assertThatThrownBy(() -> cipher.decrypt(blob)).hasMessageContaining("master key");
    }

    @Test
    void requiresA256BitKey() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
