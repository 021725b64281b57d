package io.cloudwarden.identity.web;

import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.identity.internal.LoginService;
import io.cloudwarden.identity.internal.SessionService;
import io.cloudwarden.identity.internal.TokenIssuer;
import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.shared.web.RequestActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login (password, second factor), token refresh and logout, and the public keys that verify tokens. */
@RestController
@Tag(name = "auth", description = "Login, tokens and verification keys")
class AuthController {

    private final LoginService login;
    private final SessionService sessions;
    private final TokenIssuer tokens;

    AuthController(LoginService login, SessionService sessions, TokenIssuer tokens) {
        this.login = login;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/login")
    @PublicEndpoint(why = "exchanges credentials for tokens")
    @Operation(summary = "Log in with username and password (and a TOTP or recovery code for users with MFA)")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(login.login(request.username(), request.password(), request.totp(), request.recoveryCode(),
                RequestActor.sourceIp(), http.getHeader("User-Agent")));
    }

    @PostMapping("/api/v1/auth/login/mfa")
    @PublicEndpoint(why = "second login step, authorised by the mfaToken of the first")
    @Operation(summary = "Complete a login that answered MFA_REQUIRED with a TOTP code or a recovery code")
    TokenResponse loginMfa(@Valid @RequestBody MfaLoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(login.loginWithMfa(request.mfaToken(), request.code(), request.recoveryCode(),
                RequestActor.sourceIp(), http.getHeader("User-Agent")));
    }

    @PostMapping("/api/v1/auth/refresh")
    @PublicEndpoint(why = "authorised by the refresh token in the body")
    @Operation(summary = "Exchange a refresh token for new tokens (the refresh token rotates; reuse ends the session)")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return TokenResponse.of(sessions.refresh(request.refreshToken(), RequestActor.sourceIp(), http.getHeader("User-Agent")));
    }

    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PublicEndpoint(why = "authorised by the refresh token in the body; works with an expired access token")
    @Operation(summary = "End the session of a refresh token; its access tokens are refused from now on")
    void logout(@Valid @RequestBody RefreshRequest request) {
        sessions.logout(request.refreshToken(), RequestActor.sourceIp());
    }

    @GetMapping("/.well-known/jwks.json")
    @PublicEndpoint(why = "public keys that verify access tokens")
    @Operation(summary = "Public keys (JWK set) that verify access tokens: the current and recently retired ones")
    Map<String, Object> jwks() {
        return tokens.publicKeys().toJSONObject(true);
    }

    record LoginRequest(@NotBlank String username, @NotBlank String password, String totp, String recoveryCode) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    record MfaLoginRequest(@NotBlank String mfaToken, String code, String recoveryCode) {
        @Override
        public String toString() {
            return "MfaLoginRequest[]";
        }
    }

    record RefreshRequest(@NotBlank String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    /** The token shape every login-like endpoint answers. */
    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenResponse of(SessionService.TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn());
        }

        @Override
        public String toString() {
            return "TokenResponse[expiresIn=" + expiresIn + "]";
        }
    }
}
