package io.cloudwarden.identity;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the identity API. */
public enum IdentityErrorCode implements ErrorCode {
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    USER_DISABLED(HttpStatus.FORBIDDEN, "User disabled"),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Password too weak"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username taken"),
    /** The X-Cloudwarden-Tenant header names a tenant that is neither the home tenant nor one of its descendants. */
    TENANT_NOT_ACCESSIBLE(HttpStatus.FORBIDDEN, "Tenant not accessible"),
    /** The tenant's kind may not have a child of the requested kind (MSP > CUSTOMER > BUSINESS_UNIT). */
    TENANT_KIND_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "Tenant kind not allowed here"),
    /** The request comes from an address outside the tenant's IP allow-list. */
    IP_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Address not allowed"),
    /** Too many requests for the tenant, API key or source address; retry after the Retry-After seconds. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limited");

    private final Spec spec;

    IdentityErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
