package io.cloudwarden.identity;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the identity API. */
public enum IdentityErrorCode implements ErrorCode {
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    USER_DISABLED(HttpStatus.FORBIDDEN, "User disabled"),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Password too weak"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username taken");

    private final HttpStatus status;
    private final String title;

    IdentityErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
