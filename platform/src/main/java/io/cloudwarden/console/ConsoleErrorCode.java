package io.cloudwarden.console;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the console API. */
public enum ConsoleErrorCode implements ErrorCode {
    PREFERENCE_NOT_FOUND(HttpStatus.NOT_FOUND, "Preference not found"),
    INVALID_PREFERENCE(HttpStatus.BAD_REQUEST, "Invalid preference");

    private final Spec spec;

    ConsoleErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
