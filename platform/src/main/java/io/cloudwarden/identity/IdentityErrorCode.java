package io.cloudwarden.identity;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the identity API. */
public enum IdentityErrorCode implements ErrorCode {
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    USER_DISABLED(HttpStatus.FORBIDDEN, "User disabled"),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Password too weak"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username taken"),
    /** The role key is not a built-in role or a custom role of this tenant. */
    UNKNOWN_ROLE(HttpStatus.BAD_REQUEST, "Unknown role"),
    /** A custom role key or its permissions are malformed. */
    INVALID_ROLE(HttpStatus.BAD_REQUEST, "Invalid role"),
    ROLE_NOT_FOUND(HttpStatus.NOT_FOUND, "Role not found"),
    ROLE_EXISTS(HttpStatus.CONFLICT, "Role exists"),
    /** A custom role cannot be deleted while users still hold it. */
    ROLE_IN_USE(HttpStatus.CONFLICT, "Role in use"),
    /** Built-in roles are defined in code and cannot be changed. */
    BUILT_IN_ROLE_IMMUTABLE(HttpStatus.CONFLICT, "Built-in role"),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),
    /** Nobody grants (or defines) a role with permissions they do not have themselves. */
    PRIVILEGE_ESCALATION(HttpStatus.FORBIDDEN, "Privilege escalation"),
    /** Separation of duties: nobody changes their own roles. */
    SELF_ROLE_CHANGE_FORBIDDEN(HttpStatus.FORBIDDEN, "Own roles"),
    /** Separation of duties: nobody approves or denies their own just-in-time request. */
    SELF_APPROVAL_FORBIDDEN(HttpStatus.FORBIDDEN, "Self approval"),
    ACCESS_REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND, "Access request not found"),
    /** The request is not in a state that allows this (e.g. approving a denied request). */
    ACCESS_REQUEST_STATE(HttpStatus.CONFLICT, "Access request state"),
    /** Elevation to a role one already holds is pointless and refused. */
    ROLE_ALREADY_HELD(HttpStatus.CONFLICT, "Role already held"),
    ACCESS_REVIEW_NOT_FOUND(HttpStatus.NOT_FOUND, "Access review not found"),
    ACCESS_REVIEW_STATE(HttpStatus.CONFLICT, "Access review state"),
    /** Separation of duties: a reviewer does not decide on their own access. */
    SELF_REVIEW_FORBIDDEN(HttpStatus.FORBIDDEN, "Own access line");

    private final Spec spec;

    IdentityErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
