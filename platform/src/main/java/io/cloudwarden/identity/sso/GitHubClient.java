package io.cloudwarden.identity.sso;

import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's OAuth 2.0 web application flow (github.com, or GitHub Enterprise Server when the provider's issuer
 * is its URL): authorize with state and PKCE, exchange the code at {@code /login/oauth/access_token}, then read
 * {@code /user}, {@code /user/emails}, {@code /user/orgs} and {@code /user/teams}. The claims are {@code sub}
 * (the numeric user id), {@code login}, {@code name}, {@code email} (the primary verified address),
 * {@code email_verified}, {@code orgs} (org logins) and {@code teams} ({@code org/team-slug}).
 */
@Component
class GitHubClient implements ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(GitHubClient.class);

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    GitHubClient(SsoProperties props, JsonMapper json) {
        this.timeout = props.httpTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
    }

    /** The REST API base of a GitHub web URL: api.github.com for github.com, {@code <url>/api/v3} for Enterprise Server. */
    static String apiBase(String webUrl) {
        return URI.create(webUrl).getHost().equals("github.com") ? "https://api.github.com" : webUrl + "/api/v3";
    }

    @Override
    public URI authorizationUri(SsoProvider provider, LoginRequest login) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", provider.clientId());
        q.put("redirect_uri", login.redirectUri().toString());
        q.put("scope", String.join(" ", provider.scopes()));
        q.put("state", login.state());
        q.put("allow_signup", "false");
        q.put("code_challenge", com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(CodeChallengeMethod.S256,
                new CodeVerifier(login.codeVerifier())).getValue());
        q.put("code_challenge_method", "S256");
        return URI.create(provider.issuer() + "/login/oauth/authorize?" + form(q));
    }

    @Override
    public Map<String, Object> exchange(SsoProvider provider, String clientSecret, String code, LoginRequest login) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_id", provider.clientId());
        f.put("client_secret", clientSecret);
        f.put("code", code);
        f.put("redirect_uri", login.redirectUri().toString());
        f.put("code_verifier", login.codeVerifier());
        JsonNode token = send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/login/oauth/access_token"))
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(f))));
        // GitHub answers 200 with an "error" member for a bad or expired code
        if (token.hasNonNull("error") || !token.hasNonNull("access_token")) {
            log.info("GitHub refused the authorization code: {}", token.path("error").asString("no access_token"));
            throw new CloudwardenException(IdentityErrorCode.SSO_TOKEN_INVALID, "GitHub refused the authorization code");
        }
        String accessToken = token.get("access_token").asString();
        String api = apiBase(provider.issuer());
        JsonNode user = get(api + "/user", accessToken);
        JsonNode emails = get(api + "/user/emails", accessToken);
        JsonNode orgs = get(api + "/user/orgs?per_page=100", accessToken);
        JsonNode teams = get(api + "/user/teams?per_page=100", accessToken);

        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.path("id").asString(""));
        claims.put("login", user.path("login").asString(""));
        if (user.hasNonNull("name")) {
            claims.put("name", user.get("name").asString());
        }
        for (JsonNode e : emails) {
            if (e.path("primary").asBoolean(false)) {
                claims.put("email", e.path("email").asString());
                claims.put("email_verified", e.path("verified").asBoolean(false));
            }
        }
        List<String> orgLogins = new ArrayList<>();
        orgs.forEach(o -> orgLogins.add(o.path("login").asString()));
        claims.put("orgs", orgLogins);
        List<String> teamNames = new ArrayList<>();
        teams.forEach(t -> teamNames.add(t.path("organization").path("login").asString() + "/" + t.path("slug").asString()));
        claims.put("teams", teamNames);
        if (((String) claims.get("sub")).isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "GitHub returned no user id");
        }
        return claims;
    }

    private JsonNode get(String url, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28").GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                log.info("GitHub answered {} for {}", r.statusCode(), r.uri().getPath());
                throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "GitHub answered " + r.statusCode());
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            log.warn("GitHub request failed: {}", e.toString());
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "GitHub could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "interrupted");
        } catch (tools.jackson.core.JacksonException e) {
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "GitHub answered with malformed JSON");
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
