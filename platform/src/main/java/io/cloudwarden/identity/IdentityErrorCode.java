package io.cloudwarden.identity;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the identity API. */
public enum IdentityErrorCode implements ErrorCode {
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    USER_DISABLED(HttpStatus.FORBIDDEN, "User disabled"),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Password too weak"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username taken");

    private final Spec spec;

    IdentityErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
