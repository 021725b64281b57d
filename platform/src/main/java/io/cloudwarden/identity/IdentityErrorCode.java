package io.cloudwarden.identity;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the identity API. */
public enum IdentityErrorCode implements ErrorCode {
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    USER_DISABLED(HttpStatus.FORBIDDEN, "User disabled"),
    /** Superseded by {@link #PASSWORD_TOO_WEAK}; kept because published codes never change. */
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Password too weak"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username taken"),
    /** A key or provider mapping would grant a role the caller does not hold. */
    ROLE_ESCALATION(HttpStatus.FORBIDDEN, "Role escalation refused"),
    /** The API key is unknown, expired or revoked. */
    API_KEY_INVALID(HttpStatus.UNAUTHORIZED, "Invalid API key"),
    SSO_PROVIDER_NOT_FOUND(HttpStatus.NOT_FOUND, "SSO provider not found"),
    /** The provider is disabled, or the tenant's settings do not allow it. */
    SSO_PROVIDER_NOT_ALLOWED(HttpStatus.FORBIDDEN, "SSO provider not allowed"),
    /** The callback's state is unknown, expired or already used. */
    SSO_STATE_INVALID(HttpStatus.BAD_REQUEST, "SSO state invalid"),
    /** The identity provider's answer (code exchange, ID token signature, issuer, audience, expiry, nonce) was refused. */
    SSO_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "SSO token invalid"),
    /** The identity provider could not be reached or answered with an error. */
    SSO_PROVIDER_ERROR(HttpStatus.BAD_GATEWAY, "SSO provider error"),
    /** The identity provider did not give a verified email address. */
    SSO_EMAIL_UNVERIFIED(HttpStatus.FORBIDDEN, "SSO email not verified"),
    /** The email already belongs to a user who does not sign in with this provider. */
    SSO_ACCOUNT_CONFLICT(HttpStatus.CONFLICT, "SSO account conflict"),
    /** The one-time code is unknown, expired or already used. */
    SSO_CODE_INVALID(HttpStatus.UNAUTHORIZED, "SSO code invalid"),
    /** The X-Cloudwarden-Tenant header names a tenant that is neither the home tenant nor one of its descendants. */
    TENANT_NOT_ACCESSIBLE(HttpStatus.FORBIDDEN, "Tenant not accessible"),
    /** The tenant's kind may not have a child of the requested kind (MSP > CUSTOMER > BUSINESS_UNIT). */
    TENANT_KIND_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "Tenant kind not allowed here"),
    /** The request comes from an address outside the tenant's IP allow-list. */
    IP_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Address not allowed"),
    /** Too many requests for the tenant, API key or source address; retry after the Retry-After seconds. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limited"),
    PASSWORD_TOO_WEAK(HttpStatus.BAD_REQUEST, "Password too weak"),
    ACCOUNT_LOCKED(HttpStatus.LOCKED, "Account locked"),
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN, "Email not verified"),
    MFA_REQUIRED(HttpStatus.UNAUTHORIZED, "Second factor required"),
    MFA_ENROLMENT_REQUIRED(HttpStatus.FORBIDDEN, "MFA enrolment required"),
    MFA_CODE_INVALID(HttpStatus.UNAUTHORIZED, "Invalid MFA code"),
    MFA_NOT_ENABLED(HttpStatus.CONFLICT, "MFA not enabled"),
    MFA_ALREADY_ENABLED(HttpStatus.CONFLICT, "MFA already enabled"),
    MFA_ENROLMENT_ONLY(HttpStatus.FORBIDDEN, "Enrolment token"),
    REFRESH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "Invalid refresh token"),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "Refresh token reused"),
    LINK_INVALID(HttpStatus.BAD_REQUEST, "Invalid or expired link"),
    SIGNUP_DISABLED(HttpStatus.FORBIDDEN, "Sign-up disabled"),
    INVITATION_NOT_PENDING(HttpStatus.CONFLICT, "Invitation not pending"),
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
