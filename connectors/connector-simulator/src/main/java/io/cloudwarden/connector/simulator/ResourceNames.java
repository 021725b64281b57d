package io.cloudwarden.connector.simulator;

/** Human-looking, unique resource names and ids derived from a slot's hash and index. */
final class ResourceNames {

    private static final long NAME = 0x4E414D;
    private static final long ID = 0x494430;
    private static final String[] TEAMS = {"payments", "platform", "data", "web", "ml", "security", "growth", "search"};
    private static final String[] APPS = {"api", "worker", "frontend", "etl", "cache", "auth", "reports", "billing",
            "ingest", "search", "batch", "gateway"};

    private ResourceNames() {
    }

    /** e.g. {@code payments-api-1k3}: a team, an app and the index in base 36, so names never collide. */
    static String name(Slot slot) {
        long h = slot.h(NAME);
        return TEAMS[(int) (h & 7)] + "-" + APPS[DeterministicHash.pick(h >>> 3, APPS.length)] + "-"
                + Long.toString(slot.index(), 36);
    }

    /** e.g. {@code i-0a1b2c3d4e5f60718}: a prefix and 17 hex digits. */
    static String awsId(Slot slot, String prefix) {
        return prefix + "0" + DeterministicHash.hex(slot.h(ID), 16);
    }

    /** Lower-case hex of the slot's id hash, {@code length} digits (at most 16). */
    static String hex(Slot slot, int length) {
        return DeterministicHash.hex(slot.h(ID), length);
    }

    /** A GUID-shaped id derived from the slot. */
    static String guid(Slot slot) {
        String a = DeterministicHash.hex(slot.h(ID), 16);
        String b = DeterministicHash.hex(slot.h(ID + 1), 16);
        return a.substring(0, 8) + "-" + a.substring(8, 12) + "-4" + a.substring(13, 16) + "-a" + b.substring(1, 4)
                + "-" + b.substring(4, 16);
    }

    /** A decimal numeric id like GCP's {@code id} field. */
    static String numericId(Slot slot) {
        return Long.toUnsignedString(slot.h(ID) >>> 1);
    }
}
