package io.cloudwarden.identity.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect authorization code flow with PKCE, nonce and state, on the Nimbus OAuth 2.0 / OIDC SDK:
 * discovery of the issuer's metadata (cached for an hour), the token request, and ID token validation
 * (signature against the issuer's JWKS, {@code iss}, {@code aud}, {@code exp}/{@code iat}, {@code nonce}).
 */
@Component
class OidcClient implements ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(OidcClient.class);
    private static final Duration METADATA_TTL = Duration.ofHours(1);

    private final int timeoutMillis;
    private final Map<String, Discovered> metadata = new ConcurrentHashMap<>();
    private final Map<String, IDTokenValidator> validators = new ConcurrentHashMap<>();

    OidcClient(SsoProperties props) {
        this.timeoutMillis = (int) props.httpTimeout().toMillis();
    }

    private record Discovered(OIDCProviderMetadata metadata, Instant fetchedAt) {
    }

    @Override
    public URI authorizationUri(SsoProvider provider, LoginRequest login) {
        OIDCProviderMetadata meta = metadata(provider.issuer());
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope(provider.scopes().toArray(String[]::new)), new ClientID(provider.clientId()), login.redirectUri())
                .endpointURI(meta.getAuthorizationEndpointURI())
                .state(new State(login.state()))
                .nonce(new Nonce(login.nonce()))
                .codeChallenge(new CodeVerifier(login.codeVerifier()), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    @Override
    public Map<String, Object> exchange(SsoProvider provider, String clientSecret, String code, LoginRequest login) {
        OIDCProviderMetadata meta = metadata(provider.issuer());
        TokenRequest request = new TokenRequest(meta.getTokenEndpointURI(), clientAuth(meta, provider.clientId(), clientSecret),
                new AuthorizationCodeGrant(new AuthorizationCode(code), login.redirectUri(), new CodeVerifier(login.codeVerifier())));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(timeoutMillis);
            http.setReadTimeout(timeoutMillis);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            log.warn("SSO token request to {} failed: {}", provider.issuer(), e.toString());
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "the identity provider's token endpoint failed");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            log.info("SSO token request to {} refused: {}", provider.issuer(), error.getCode());
            throw new CloudwardenException(IdentityErrorCode.SSO_TOKEN_INVALID, "the identity provider refused the authorization code");
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
            throw new CloudwardenException(IdentityErrorCode.SSO_TOKEN_INVALID, "the identity provider returned no ID token");
        }
        try {
            return validator(meta, provider.clientId())
                    .validate(oidc.getOIDCTokens().getIDToken(), new Nonce(login.nonce()))
                    .toJSONObject();
        } catch (BadJOSEException | JOSEException e) {
            log.info("SSO ID token from {} rejected: {}", provider.issuer(), e.getMessage());
            throw new CloudwardenException(IdentityErrorCode.SSO_TOKEN_INVALID, "the identity provider's ID token is not valid");
        }
    }

    private static ClientAuthentication clientAuth(OIDCProviderMetadata meta, String clientId, String secret) {
        List<ClientAuthenticationMethod> methods = meta.getTokenEndpointAuthMethods();
        boolean basic = methods == null || methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        return basic ? new ClientSecretBasic(new ClientID(clientId), new Secret(secret))
                : new ClientSecretPost(new ClientID(clientId), new Secret(secret));
    }

    private IDTokenValidator validator(OIDCProviderMetadata meta, String clientId) {
        return validators.computeIfAbsent(meta.getIssuer().getValue() + " " + clientId, k -> {
            try {
                return new IDTokenValidator(meta.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256,
                        meta.getJWKSetURI().toURL(), new DefaultResourceRetriever(timeoutMillis, timeoutMillis));
            } catch (MalformedURLException e) {
                throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "the identity provider's JWKS URL is invalid");
            }
        });
    }

    private OIDCProviderMetadata metadata(String issuer) {
        Discovered cached = metadata.get(issuer);
        if (cached != null && cached.fetchedAt().plus(METADATA_TTL).isAfter(Instant.now())) {
            return cached.metadata();
        }
        try {
            OIDCProviderMetadata meta = OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMillis, timeoutMillis);
            metadata.put(issuer, new Discovered(meta, Instant.now()));
            validators.keySet().removeIf(k -> k.startsWith(issuer + " "));
            return meta;
        } catch (GeneralException | IOException e) {
            log.warn("OIDC discovery of {} failed: {}", issuer, e.toString());
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "the identity provider's discovery document could not be read");
        }
    }
}
