package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.IdentityProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The password rules: at least {@value #MIN_LENGTH} characters and not one of the 10,000 most common
 * passwords (case-insensitive). The list ships in {@code identity/common-passwords-10k.txt}; its source is
 * in the README beside it.
 */
public final class PasswordPolicy {

    /** Minimum length in characters. */
    public static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 200;
    private static final String LIST = "/identity/common-passwords-10k.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** How many common passwords are rejected. */
    public int commonPasswordCount() {
        return common.size();
    }

    /** Throws {@code PASSWORD_TOO_WEAK} with a {@code reason} member unless {@code password} is acceptable. */
    public void check(String password) {
        String reason = weakness(password);
        if (reason != null) {
            throw new IdentityProblem(IdentityErrorCode.PASSWORD_TOO_WEAK, "the password is too weak: " + reason,
                    Map.of("reason", reason));
        }
    }

    /** Why {@code password} is too weak, or {@code null} when it is acceptable. */
    public String weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "it must have at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "it must have at most " + MAX_LENGTH + " characters";
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return "it is one of the 10,000 most common passwords";
        }
        return null;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LIST);
            }
            Set<String> words = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
