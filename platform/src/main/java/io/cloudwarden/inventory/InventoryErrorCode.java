package io.cloudwarden.inventory;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Error codes of the inventory API. Filter and cursor problems use the common {@code INVALID_FILTER} and
 * {@code INVALID_CURSOR} codes.
 */
public enum InventoryErrorCode implements ErrorCode {
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND, "Resource not found"),
    VERSION_NOT_FOUND(HttpStatus.NOT_FOUND, "Resource version not found");

    private final HttpStatus status;
    private final String title;

    InventoryErrorCode(HttpStatus status, String title) {
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
