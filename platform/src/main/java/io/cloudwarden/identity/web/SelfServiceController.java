package io.cloudwarden.identity.web;

import io.cloudwarden.identity.internal.AccountService;
import io.cloudwarden.identity.internal.MfaService;
import io.cloudwarden.identity.internal.SessionService;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.shared.web.RequestActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own sessions, password and TOTP second factor. */
@RestController
@Tag(name = "me", description = "Self service")
@RequiresPermission(Permission.SELF_MANAGE)
class SelfServiceController {

    private final SessionService sessions;
    private final MfaService mfa;
    private final AccountService accounts;

    SelfServiceController(SessionService sessions, MfaService mfa, AccountService accounts) {
        this.sessions = sessions;
        this.mfa = mfa;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/me/sessions")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "My live sessions; the one of this token is flagged current")
    List<SessionService.SessionView> sessions() {
        CurrentUser me = CurrentUser.require();
        return io.cloudwarden.shared.TenantContext.callAs(me.homeTenant(), () -> sessions.list(me.userId(), me.sessionId()));
    }

    @DeleteMapping("/api/v1/me/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "End one of my sessions; its access tokens are refused from now on")
    void revokeSession(@PathVariable UUID id) {
        CurrentUser me = CurrentUser.require();
        sessions.revokeOwn(me.homeTenant(), me.userId(), id, RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Change my password (ends all my sessions)")
    void changePassword(@Valid @RequestBody PasswordChange request) {
        CurrentUser me = CurrentUser.require();
        accounts.changePassword(me.homeTenant(), me.userId(), request.currentPassword(), request.newPassword(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/me/mfa/totp")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Start TOTP enrolment: the secret, its otpauth:// URI and a QR code (PNG data URI)")
    MfaService.Enrolment enrol() {
        CurrentUser me = CurrentUser.require();
        return mfa.enrol(me.homeTenant(), me.userId());
    }

    @PostMapping("/api/v1/me/mfa/totp/confirm")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Confirm TOTP enrolment with a first code; answers 10 single-use recovery codes, shown once")
    Map<String, List<String>> confirm(@Valid @RequestBody CodeRequest request) {
        CurrentUser me = CurrentUser.require();
        return Map.of("recoveryCodes", mfa.confirm(me.homeTenant(), me.userId(), request.code(), RequestActor.sourceIp()));
    }

    @DeleteMapping("/api/v1/me/mfa")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Turn off MFA, confirmed by a current code or a recovery code")
    void disable(@Valid @RequestBody CodeRequest request) {
        CurrentUser me = CurrentUser.require();
        mfa.disable(me.homeTenant(), me.userId(), request.code(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/me/mfa/recovery-codes")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Replace my recovery codes, confirmed by a current code")
    Map<String, List<String>> recoveryCodes(@Valid @RequestBody CodeRequest request) {
        CurrentUser me = CurrentUser.require();
        return Map.of("recoveryCodes", mfa.regenerateRecoveryCodes(me.homeTenant(), me.userId(), request.code(), RequestActor.sourceIp()));
    }

    record CodeRequest(@NotBlank String code) {
        @Override
        public String toString() {
            return "CodeRequest[]";
        }
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }
}
