package io.cloudwarden.shared;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {

    @Test
    void roundTripsValuesIncludingSeparatorsAndUnicode() {
        String c = Cursors.encode("name", List.of("a,b:c/é", "42"));
        assertThat(Cursors.decode(c, "name", 2)).containsExactly("a,b:c/é", "42");
    }

    @Test
    void rejectsDamagedCursors() {
        assertThatThrownBy(() -> Cursors.decode("%%%not-base64", "name", 2))
                .isInstanceOf(CloudwardenException.class)
                .extracting(e -> ((CloudwardenException) e).errorCode()).isEqualTo(CommonErrorCode.INVALID_CURSOR);
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode("name", List.of("x")), "name", 2))
                .isInstanceOf(CloudwardenException.class);
    }

    @Test
    void rejectsCursorsOfAnotherSortOrder() {
        String c = Cursors.encode("name", List.of("x", "1"));
        assertThatThrownBy(() -> Cursors.decode(c, "-name", 2)).hasMessageContaining("different sort order");
    }
}
