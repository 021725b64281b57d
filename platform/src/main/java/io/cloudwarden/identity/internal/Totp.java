package io.cloudwarden.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps), as authenticator apps
 * implement them, plus the RFC 4648 base32 the secrets are exchanged in.
 */
public final class Totp {

    /** Seconds per step. */
    public static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** A new 160-bit secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The time step containing {@code epochSecond}. */
    public static long step(long epochSecond) {
        return Math.floorDiv(epochSecond, STEP_SECONDS);
    }

    /** The code for {@code step}, zero-padded, with {@code digits} digits and the given HMAC algorithm. */
    public static String code(byte[] secret, long step, int digits, String hmacAlgorithm) {
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 6-digit HMAC-SHA1 code for {@code step}. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /**
     * The step (current, one before or one after) whose code equals {@code candidate}, if any, and only if it
     * is later than {@code lastUsedStep}, so a code cannot be used twice within its window.
     */
    public static OptionalLong verify(byte[] secret, String candidate, long epochSecond, long lastUsedStep) {
        if (candidate == null || !candidate.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = step(epochSecond);
        OptionalLong match = OptionalLong.empty();
        for (long s = now - 1; s <= now + 1; s++) {
            boolean equal = MessageDigest.isEqual(code(secret, s).getBytes(), candidate.getBytes());
            if (equal && s > lastUsedStep && match.isEmpty()) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }

    /** RFC 4648 base32 without padding. */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Decodes RFC 4648 base32 (padding and case ignored). */
    public static byte[] fromBase32(String text) {
        String s = text.replace("=", "").toUpperCase();
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
