package io.cloudwarden.identity.web;

import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.identity.internal.LoginService;
import io.cloudwarden.identity.internal.TokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Password login and the public keys that verify the issued tokens. */
@RestController
@Tag(name = "auth", description = "Login and token verification keys")
class AuthController {

    private final LoginService login;
    private final TokenIssuer tokens;

    AuthController(LoginService login, TokenIssuer tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @PublicEndpoint(why = "login is how a caller obtains a token")
    @PostMapping("/api/v1/auth/login")
    @Operation(summary = "Exchange a username and password for a short-lived bearer access token")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        TokenIssuer.IssuedToken token = login.login(request.username(), request.password());
        return new LoginResponse(token.token(), "Bearer", token.expiresInSeconds());
    }

    @PublicEndpoint(why = "token verification keys are public by design (RFC 7517)")
    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "Public keys (JWK set) that verify access tokens")
    Map<String, Object> jwks() {
        return tokens.publicKeys().toJSONObject(true);
    }

    record LoginRequest(@NotBlank String username, @NotBlank String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn) {
    }
}
