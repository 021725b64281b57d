package io.cloudwarden.shared;

import org.springframework.http.HttpStatus;

/**
 * A stable, documented error code. Each module has an enum implementing this; the code string appears as
 * the {@code code} member of every RFC 9457 problem response and never changes once published.
 */
public interface ErrorCode {

    /** Stable machine-readable code, upper snake case, e.g. {@code ACCOUNT_NOT_FOUND}. */
    String code();

    /** The HTTP status the code maps to. */
    HttpStatus status();

    /** Short human title of the problem type. */
    String title();
}
