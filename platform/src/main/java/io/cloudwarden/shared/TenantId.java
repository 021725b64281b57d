package io.cloudwarden.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant node (MSP, customer organisation or business unit). */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
