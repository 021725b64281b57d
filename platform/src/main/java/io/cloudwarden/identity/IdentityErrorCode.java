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
