package io.cloudwarden.identity.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API key format: {@code cw_} followed by 32 random bytes in unpadded base64url (43 characters). Only the
 * SHA-256 of the whole string is stored; the key has 256 bits of entropy, so a fast hash is enough (nothing to
 * brute-force) and lets every request find its key by an index lookup. The display prefix is {@code cw_} and
 * the first six characters of the random part: 36 bits, too little to help an attacker, enough to recognise.
 */
public final class ApiKeySecret {

    /** What every key starts with (also what secret scanners can look for). */
    public static final String SCHEME_PREFIX = "cw_";
    private static final int RANDOM_BYTES = 32;
    private static final int ENCODED_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {
    }

    /** A new random key. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code candidate} has the shape of a key (checked before hashing, so junk costs nothing). */
    public static boolean wellFormed(String candidate) {
        if (candidate == null || candidate.length() != SCHEME_PREFIX.length() + ENCODED_LENGTH || !candidate.startsWith(SCHEME_PREFIX)) {
            return false;
        }
        for (int i = SCHEME_PREFIX.length(); i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** The stored form: SHA-256 of the key's UTF-8 bytes. */
    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-secret display prefix, e.g. {@code cw_Ab3x_Q}. */
    public static String displayPrefix(String key) {
        return key.substring(0, SCHEME_PREFIX.length() + 6);
    }
}
