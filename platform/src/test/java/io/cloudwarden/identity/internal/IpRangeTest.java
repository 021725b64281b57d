package io.cloudwarden.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpRangeTest {

    @Test
    void parsesAndNormalizesIpv4AndIpv6Ranges() {
        assertThat(IpRange.parse("10.1.2.3/8")).get().extracting(IpRange::text).isEqualTo("10.0.0.0/8");
        assertThat(IpRange.parse(" 192.168.1.7 ")).get().extracting(IpRange::text).isEqualTo("192.168.1.7/32");
        assertThat(IpRange.parse("2001:db8::1/32")).get().extracting(IpRange::text).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(IpRange.parse("0.0.0.0/0")).get().extracting(IpRange::text).isEqualTo("0.0.0.0/0");
    }

    @Test
    void rejectsHostNamesAndMalformedRangesWithoutLookingThemUp() {
        for (String bad : new String[] {"example.com", "localhost", "10.0.0.0/33", "10.0.0/8", "999.1.1.1", "10.0.0.0/x", "", "::g/64",
                "2001:db8::/129", "1.2.3.4/-1"}) {
            assertThat(IpRange.parse(bad)).as(bad).isEmpty();
        }
        assertThat(IpRange.parse(null)).isEmpty();
    }

    @Test
    void containsChecksTheNetworkPrefix() {
        IpRange ten = IpRange.parse("10.0.0.0/8").orElseThrow();
        assertThat(ten.contains("10.255.1.2")).isTrue();
        assertThat(ten.contains("11.0.0.1")).isFalse();
        assertThat(ten.contains("::ffff:10.1.1.1")).isTrue();
        assertThat(ten.contains("not-an-ip")).isFalse();
        assertThat(ten.contains(null)).isFalse();
        IpRange v6 = IpRange.parse("2001:db8::/32").orElseThrow();
        assertThat(v6.contains("2001:db8:ffff::1")).isTrue();
        assertThat(v6.contains("2001:db9::1")).isFalse();
        assertThat(v6.contains("10.0.0.1")).isFalse();
        assertThat(IpRange.parse("127.0.0.1").orElseThrow().contains("127.0.0.1")).isTrue();
        assertThat(IpRange.parse("172.16.0.0/12").orElseThrow().contains("172.32.0.1")).isFalse();
    }
}
