package io.cloudwarden.identity.web;

import io.cloudwarden.identity.internal.AccountService;
import io.cloudwarden.identity.internal.InvitationService;
import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.shared.web.RequestActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public account flows: sign-up, email verification, password reset and accepting invitations. */
@RestController
@Tag(name = "auth", description = "Login, tokens and verification keys")
class AccountController {

    private final AccountService accounts;
    private final InvitationService invitations;

    AccountController(AccountService accounts, InvitationService invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @PostMapping("/api/v1/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint(why = "self sign-up, only where the tenant enables it; the account needs email verification")
    @Operation(summary = "Sign up to a tenant that allows self sign-up; a verification mail follows")
    void signUp(@Valid @RequestBody SignUpRequest request) {
        accounts.signUp(request.tenantId(), request.email(), request.password(), request.displayName(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/auth/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PublicEndpoint(why = "authorised by the single-use token mailed to the address")
    @Operation(summary = "Confirm an email address with the mailed token")
    void verifyEmail(@Valid @RequestBody TokenRequest request) {
        accounts.verifyEmail(request.token(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint(why = "starts a reset by mail; answers the same for unknown addresses")
    @Operation(summary = "Mail a password reset link (always 202, whether or not the address is known)")
    void requestReset(@Valid @RequestBody ResetRequest request) {
        accounts.requestPasswordReset(request.email(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PublicEndpoint(why = "authorised by the single-use reset token mailed to the user")
    @Operation(summary = "Set a new password with the mailed reset token; ends every session of the user")
    void confirmReset(@Valid @RequestBody ResetConfirmRequest request) {
        accounts.confirmPasswordReset(request.token(), request.newPassword(), RequestActor.sourceIp());
    }

    @GetMapping("/api/v1/auth/invitations/{token}")
    @PublicEndpoint(why = "authorised by the invitation token mailed to the invitee")
    @Operation(summary = "What an invitation offers: email, tenant, roles and expiry")
    InvitationService.InvitationPreview invitation(@PathVariable String token) {
        return invitations.preview(token);
    }

    @PostMapping("/api/v1/auth/invitations/{token}/accept")
    @PublicEndpoint(why = "authorised by the invitation token mailed to the invitee")
    @Operation(summary = "Accept an invitation: choose a password and get logged in")
    AuthController.TokenResponse accept(@PathVariable String token, @Valid @RequestBody AcceptRequest request, HttpServletRequest http) {
        return AuthController.TokenResponse.of(invitations.accept(token, request.password(), request.displayName(),
                RequestActor.sourceIp(), http.getHeader("User-Agent")));
    }

    record SignUpRequest(@NotNull UUID tenantId, @NotBlank String email, @NotBlank String password, String displayName) {
        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + "]";
        }
    }

    record TokenRequest(@NotBlank String token) {
        @Override
        public String toString() {
            return "TokenRequest[]";
        }
    }

    record ResetRequest(@NotBlank String email) {
    }

    record ResetConfirmRequest(@NotBlank String token, @NotBlank String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmRequest[]";
        }
    }

    record AcceptRequest(@NotBlank String password, String displayName) {
        @Override
        public String toString() {
            return "AcceptRequest[displayName=" + displayName + "]";
        }
    }
}
