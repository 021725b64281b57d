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

    private final Spec spec;

    InventoryErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
