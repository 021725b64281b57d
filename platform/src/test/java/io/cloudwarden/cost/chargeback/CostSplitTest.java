package io.cloudwarden.cost.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostSplitTest {

    static Map<String, BigDecimal> weights(Object... kv) {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            w.put((String) kv[i], new BigDecimal(kv[i + 1].toString()));
        }
        return w;
    }

    @Test
    void theRemainderCentGoesToTheLargestShare() {
        assertThat(CostSplit.split(new BigDecimal("100.00"), weights("a", 1, "b", 1, "c", 1)))
                .containsExactly(Map.entry("a", new BigDecimal("33.34")), Map.entry("b", new BigDecimal("33.33")),
                        Map.entry("c", new BigDecimal("33.33")));
        assertThat(CostSplit.split(new BigDecimal("10.00"), weights("a", 1, "b", 5, "c", 1)))
                .containsExactly(Map.entry("a", new BigDecimal("1.43")), Map.entry("b", new BigDecimal("7.14")),
                        Map.entry("c", new BigDecimal("1.43")));
    }

    @Test
    void sharesAlwaysSumToThePoolInCents() {
        for (String amount : new String[]{"0.01", "0.02", "99.999", "-17.05", "123456.785", "1"}) {
            Map<String, BigDecimal> shares = CostSplit.split(new BigDecimal(amount), weights("a", 3, "b", 3, "c", 7, "d", "0.5"));
            assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(new BigDecimal(amount).setScale(2, java.math.RoundingMode.HALF_EVEN));
        }
    }

    @Test
    void weightsMustHaveAPositiveSum() {
        assertThatThrownBy(() -> CostSplit.split(BigDecimal.TEN, weights("a", 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
