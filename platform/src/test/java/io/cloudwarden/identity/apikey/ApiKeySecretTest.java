package io.cloudwarden.identity.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void keysAreWellFormedRandomAndHashedWithSha256() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = ApiKeySecret.generate();
            assertThat(key).startsWith("cw_").hasSize(46);
            assertThat(ApiKeySecret.wellFormed(key)).isTrue();
            assertThat(seen.add(key)).isTrue();
        }
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(HexFormat.of().formatHex(ApiKeySecret.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void malformedCandidatesAreRecognisedWithoutHashing() {
        String key = ApiKeySecret.generate();
        assertThat(ApiKeySecret.wellFormed(null)).isFalse();
        assertThat(ApiKeySecret.wellFormed("")).isFalse();
        assertThat(ApiKeySecret.wellFormed(key.substring(1))).isFalse();
        assertThat(ApiKeySecret.wellFormed("xx_" + key.substring(3))).isFalse();
        assertThat(ApiKeySecret.wellFormed(key.substring(0, 45) + "!")).isFalse();
        assertThat(ApiKeySecret.wellFormed(key.substring(0, 45) + "é")).isFalse();
    }

    @Test
    void theDisplayPrefixIsShortAndPartOfTheKey() {
        String key = ApiKeySecret.generate();
        assertThat(ApiKeySecret.displayPrefix(key)).hasSize(9).isEqualTo(key.substring(0, 9));
    }
}
