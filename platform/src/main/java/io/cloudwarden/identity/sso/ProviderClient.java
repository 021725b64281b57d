package io.cloudwarden.identity.sso;

import java.net.URI;
import java.util.Map;

/** The protocol side of one provider kind: where to send the browser, and what the returned code proves. */
interface ProviderClient {

    /** The authorization request the browser is redirected to. */
    URI authorizationUri(SsoProvider provider, LoginRequest login);

    /**
     * Exchanges the authorization code and returns the verified claims of the user. They always hold {@code sub}
     * and, when the provider gives one, {@code email} and {@code email_verified}.
     *
     * @throws io.cloudwarden.shared.CloudwardenException SSO_TOKEN_INVALID or SSO_PROVIDER_ERROR
     */
    Map<String, Object> exchange(SsoProvider provider, String clientSecret, String code, LoginRequest login);

    /** The per-login values sent out at start and checked at the callback. */
    record LoginRequest(URI redirectUri, String state, String nonce, String codeVerifier) {
        @Override
        public String toString() {
            return "LoginRequest[redirectUri=" + redirectUri + "]";
        }
    }
}
