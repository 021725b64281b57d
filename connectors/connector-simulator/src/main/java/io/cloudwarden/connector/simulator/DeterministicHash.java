package io.cloudwarden.connector.simulator;

/**
 * Counter-based randomness (SplitMix64 finaliser): every value is a pure function of (seed, account,
 * index, salt, round), so resource i at sync k is computable without generating anything else.
 */
final class DeterministicHash {

    private final long base;

    DeterministicHash(long seed, String accountId) {
        this.base = mix(mix(seed) ^ accountId.hashCode() * 0xC2B2AE3D27D4EB4FL);
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long hash(long index, long salt) {
        return mix(mix(base ^ index) + salt * 0xD6E8FEB86659FD93L);
    }

    long hash(long index, long salt, long round) {
        return mix(hash(index, salt) ^ round * 0x9E3779B97F4A7C15L);
    }

    /** A double in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** An int in [0, n). */
    static int pick(long h, int n) {
        return (int) Long.remainderUnsigned(h, n);
    }

    /** {@code length} lower-case hex digits of {@code h} (up to 16), zero-padded. */
    static String hex(long h, int length) {
        String s = Long.toHexString(h);
        if (s.length() < 16) {
            s = "0".repeat(16 - s.length()) + s;
        }
        return s.substring(16 - length);
    }
}
