package io.cloudwarden.identity.internal;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import java.util.List;
import java.util.Locale;

/** Email addresses as usernames: trimmed, lower case, a plausible shape. */
final class Emails {

    private Emails() {
    }

    static String normalize(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw CloudwardenException.invalid("invalid email", List.of(new FieldProblem("email", "must be an email address")));
        }
        return e;
    }
}
