package io.cloudwarden.identity.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR range. Parsing accepts address literals only (never a host name, so no DNS lookup)
 * and normalizes host bits away: {@code 10.1.2.3/8} becomes {@code 10.0.0.0/8}; a bare address is a /32 or /128.
 */
record IpRange(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern V4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** The range, or empty when {@code text} is not a CIDR of an IP literal. */
    static Optional<IpRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        Optional<byte[]> bytes = literal(addr);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(mask(bytes.get(), prefix), prefix));
    }

    /** Whether {@code address} (an IP literal) lies in this range; a malformed address or other family is outside. */
    boolean contains(String address) {
        Optional<byte[]> bytes = address == null ? Optional.empty() : literal(address.trim());
        if (bytes.isEmpty()) {
            return false;
        }
        byte[] b = bytes.get();
        if (b.length == 16 && network.length == 4 && isV4Mapped(b)) {
            b = java.util.Arrays.copyOfRange(b, 12, 16);
        }
        return b.length == network.length && java.util.Arrays.equals(mask(b, prefix), network);
    }

    /** Canonical text, e.g. {@code 10.0.0.0/8}. */
    String text() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static Optional<byte[]> literal(String addr) {
        if (!LITERAL.matcher(addr).matches() || (!addr.contains(":") && !V4.matcher(addr).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(addr).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        int bits = address.length * 8;
        BigInteger value = new BigInteger(1, address);
        BigInteger keep = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        byte[] raw = value.and(keep).toByteArray();
        byte[] out = new byte[address.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }
}
