package io.cloudwarden.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random opaque tokens (256 bits, URL-safe) and the SHA-256 hashes they are stored as. */
public final class OneTimeSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecrets() {
    }

    /** A new 256-bit random token, base64url without padding. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A recovery code: 10 characters from an unambiguous alphabet, as {@code xxxxx-xxxxx}. */
    public static String newRecoveryCode() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** SHA-256 of the token's UTF-8 bytes; what the database stores. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((token == null ? "" : token.trim()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
