package io.cloudwarden.identity.sso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GitHub sign-in against recorded GitHub responses served by WireMock, standing in for a GitHub Enterprise
 * Server at its own URL (so the API is under /api/v3, as on a real one).
 */
@PlatformTest
class GitHubSsoApiTest {

    static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    static final String UNVERIFIED_TOKEN = "gho_unverifiedUnverifiedUnverified0001";
    static WireMockServer github;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startGitHub() {
        github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        github.start();
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(5)
                .willReturn(okJson(fixture("access-token-bad-code.json"))));
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(1)
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(containing("code=recorded-code"))
                .willReturn(okJson(fixture("access-token.json"))));
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(1)
                .withRequestBody(containing("code=unverified-code"))
                .willReturn(okJson(fixture("access-token.json").replace(TOKEN, UNVERIFIED_TOKEN))));
        for (String token : List.of(TOKEN, UNVERIFIED_TOKEN)) {
            boolean verified = token.equals(TOKEN);
            api("/api/v3/user", token, "user.json");
            api("/api/v3/user/emails", token, verified ? "user-emails.json" : "user-emails-unverified.json");
            api("/api/v3/user/orgs", token, "user-orgs.json");
            api("/api/v3/user/teams", token, "user-teams.json");
        }
        github.stubFor(get(urlPathEqualTo("/api/v3/user")).atPriority(9)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}")));
    }

    @AfterAll
    static void stopGitHub() {
        github.stop();
    }

    @Test
    void firstLoginProvisionsFromTheVerifiedPrimaryEmailAndMapsOrgsAndTeams() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String providerId = createProvider(admin);

        URI authorize = start(providerId);
        assertThat(authorize.getPath()).isEqualTo("/login/oauth/authorize");
        Map<String, String> q = SsoBrowser.params(authorize.getRawQuery());
        assertThat(q).containsEntry("client_id", "Iv1.8a61f9b3a7aba766").containsEntry("code_challenge_method", "S256")
                .containsKey("state").containsKey("code_challenge");
        assertThat(q.get("scope")).isEqualTo("read:user user:email read:org");
        assertThat(q.get("redirect_uri")).isEqualTo("http://127.0.0.1:" + port + "/api/v1/auth/sso/callback");

        URI done = callback("recorded-code", q.get("state"));
        assertThat(done.getPath()).as(done.toString()).isEqualTo("/login/sso");
        ApiClient.Response tokens = new ApiClient(port).post("/api/v1/auth/sso/exchange",
                Map.of("code", SsoBrowser.params(done.getRawFragment()).get("code")));
        assertThat(tokens.status()).isEqualTo(200);
        var claims = OidcSsoApiTest.claims(tokens.body().get("accessToken").asString());
        assertThat(claims.get("preferred_username").asString()).isEqualTo("octocat@github.com");
        assertThat(claims.get("roles").toString()).contains("ENGINEER").contains("OPERATOR").doesNotContain("VIEWER");

        // the code went to GitHub with the secret and the PKCE verifier; the API was called with the token
        github.verify(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("client_secret=github-client-secret"))
                .withRequestBody(containing("code_verifier=")));
        github.verify(getRequestedFor(urlPathEqualTo("/api/v3/user/teams")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aBadCodeOrAnUnverifiedEmailIsRefused() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String providerId = createProvider(admin);
        String state = SsoBrowser.params(start(providerId).getRawQuery()).get("state");
        assertThat(callback("expired-code", state).getQuery()).isEqualTo("ssoError=SSO_TOKEN_INVALID");

        state = SsoBrowser.params(start(providerId).getRawQuery()).get("state");
        assertThat(callback("unverified-code", state).getQuery()).isEqualTo("ssoError=SSO_EMAIL_UNVERIFIED");

        state = SsoBrowser.params(start(providerId).getRawQuery()).get("state");
        assertThat(callback(null, state).getQuery()).isEqualTo("ssoError=SSO_PROVIDER_ERROR");
    }

    private String createProvider(ApiClient admin) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "GitHub Enterprise " + System.nanoTime());
        body.put("preset", "GITHUB");
        body.put("issuer", "http://localhost:" + github.port());
        body.put("clientId", "Iv1.8a61f9b3a7aba766");
        body.put("clientSecret", "github-client-secret");
        body.put("roleMappings", List.of(Map.of("claim", "teams", "value", "github/justice-league", "role", "ENGINEER"),
                Map.of("claim", "orgs", "value", "github", "role", "OPERATOR"),
                Map.of("claim", "orgs", "value", "not-my-org", "role", "ADMIN")));
        ApiClient.Response created = admin.post("/api/v1/sso/providers", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("kind").asString()).isEqualTo("GITHUB");
        return created.body().get("id").asString();
    }

    private URI start(String providerId) {
        return new SsoBrowser(port).redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/" + providerId + "/start?redirect=/");
    }

    /** What GitHub's redirect back to us looks like (with {@code error=access_denied} when the user declines). */
    private URI callback(String code, String state) {
        String query = code == null ? "error=access_denied&state=" + state
                : "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state=" + state;
        return new SsoBrowser(port).redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/callback?" + query);
    }

    private static void api(String path, String token, String fixture) {
        github.stubFor(get(urlPathEqualTo(path)).atPriority(1).withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .willReturn(okJson(fixture(fixture))));
    }

    static String fixture(String name) {
        try (InputStream in = GitHubSsoApiTest.class.getResourceAsStream("/github/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
