package io.cloudwarden.connector.simulator;

/** Deterministic private and public IPv4 addresses and network ranges: block b owns 10.(b mod 256).0.0/16. */
final class IpAddresses {

    private static final long PUBLIC = 0x41535344;

    private IpAddresses() {
    }

    static String cidr(Slot slot) {
        return "10." + (slot.block() % 256) + ".0.0/16";
    }

    static String privateIp(Slot slot) {
        return "10." + (slot.block() % 256) + "." + (slot.position() % 2) + "." + (10 + slot.position());
    }

    static String publicIp(Slot slot) {
        long h = slot.h(PUBLIC);
        return (3 + (h & 31)) + "." + (h >>> 8 & 255) + "." + (h >>> 16 & 255) + "." + (1 + (h >>> 24 & 253));
    }
}
