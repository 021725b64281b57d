package io.cloudwarden.shared;

import org.springframework.http.HttpStatus;

/**
 * A stable, documented error code. Each module has an enum implementing this; the code string (the enum
 * constant's name) appears as the {@code code} member of every RFC 9457 problem response and never changes
 * once published.
 */
public interface ErrorCode {

    /** The enum constant's name; implemented by every enum. */
    String name();

    /** The HTTP status and title of this code. */
    Spec spec();

    /** Stable machine-readable code, upper snake case, e.g. {@code ACCOUNT_NOT_FOUND}. */
    default String code() {
        return name();
    }

    /** The HTTP status the code maps to. */
    default HttpStatus status() {
        return spec().status();
    }

    /** Short human title of the problem type. */
    default String title() {
        return spec().title();
    }

    /** HTTP status and title of an error code. */
    record Spec(HttpStatus status, String title) {
    }
}
