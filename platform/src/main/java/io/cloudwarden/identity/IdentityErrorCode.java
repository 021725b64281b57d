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
    UNKNOWN_ROLE(HttpStatus.BAD_REQUEST, "Unknown role");

    private final Spec spec;

    IdentityErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
