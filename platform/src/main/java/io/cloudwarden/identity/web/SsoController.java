package io.cloudwarden.identity.web;

import io.cloudwarden.identity.internal.SessionService;
import io.cloudwarden.shared.web.RequestActor;
import jakarta.servlet.http.HttpServletRequest;
import io.cloudwarden.identity.sso.SsoLogin;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The browser side of single sign-on: the sign-in page's provider list, the redirect to the provider, the
 * provider's callback, and the exchange of the one-time code for tokens.
 */
@RestController
@Tag(name = "auth", description = "Login and token verification keys")
class SsoController {

    private final SsoLogin sso;

    SsoController(SsoLogin sso) {
        this.sso = sso;
    }

    @GetMapping("/api/v1/auth/sso/providers")
    @PublicEndpoint(why = "the sign-in page lists a tenant's SSO providers before anyone is signed in")
    @Operation(summary = "The enabled SSO providers of a tenant (by id or name), for the sign-in page")
    List<SsoLogin.PublicProvider> providers(@RequestParam String tenant) {
        return sso.publicProviders(tenant);
    }

    @GetMapping("/api/v1/auth/sso/{providerId}/start")
    @PublicEndpoint(why = "starts a sign-in: the browser has no token yet")
    @Operation(summary = "Redirect the browser to the identity provider (302); errors redirect to /login?ssoError=<code>")
    ResponseEntity<Void> start(@PathVariable UUID providerId, @RequestParam(required = false) String redirect) {
        String base = requestBase();
        try {
            return redirect(sso.start(providerId, redirect, base));
        } catch (CloudwardenException e) {
            return redirect(URI.create(base + "/login?ssoError=" + e.errorCode().code()));
        }
    }

    @GetMapping("/api/v1/auth/sso/callback")
    @PublicEndpoint(why = "the identity provider sends the browser back here with the authorization code")
    @Operation(summary = "The provider's redirect target: 302 to /login/sso#code=<one-time code>, or /login?ssoError=<code>")
    ResponseEntity<Void> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String error) {
        return redirect(sso.callback(code, state, error, requestBase()));
    }

    @PostMapping("/api/v1/auth/sso/exchange")
    @PublicEndpoint(why = "the console trades the one-time code from the callback for tokens")
    @Operation(summary = "Exchange the one-time code (single use, 60 s) for an access and a refresh token (a new session)")
    TokenResponse exchange(@Valid @RequestBody ExchangeRequest request, HttpServletRequest http) {
        SessionService.TokenPair pair = sso.exchange(request.code(), RequestActor.sourceIp(), http.getHeader("User-Agent"));
        return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn());
    }

    private static ResponseEntity<Void> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String requestBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    record ExchangeRequest(@NotBlank String code) {
        @Override
        public String toString() {
            return "ExchangeRequest[code=***]";
        }
    }

    /** The token shape of every login; {@code refreshToken} comes with sessions. */
    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }
}
