package io.cloudwarden.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public identity pages in real Chromium: signing in with an SSO button against a real OpenID Connect
 * provider (mock-oauth2-server), accepting a mailed invitation, and resetting a password from the mailed link
 * (GreenMail SMTP). Each step is screenshotted and checked with axe-core.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityPublicPagesBrowserTest {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final String MAIL_BASE = "https://console.example.test";
    static final String CLIENT_ID = "cloudwarden-browser";
    private static final String PASSWORD = "browser-public-password-42";

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("cloudwarden.identity.mail.console-base-url", () -> MAIL_BASE);
        registry.add("cloudwarden.identity.mail.from", () -> "noreply@example.test");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    BootstrapAdmin bootstrap;

    Browser browser;
    MockOAuth2Server idp;
    TenantId tenant;

    @BeforeAll
    void start() {
        browser = new Browser();
        idp = new MockOAuth2Server();
        idp.start(0);
        tenant = bootstrap.ensure();
    }

    @AfterAll
    void stop() {
        browser.close();
        idp.shutdown();
        MAIL.stop();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void check(Page page, String name) {
        page.waitForLoadState();
        Browser.settle(page);
        Browser.screenshot(page, name);
        assertThat(Browser.seriousViolations(page)).as(name).isEmpty();
    }

    @Test
    void signsInWithAnSsoButtonOfTheTenant() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String issuerId = "browser-idp-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Contoso ID " + issuerId.substring(12));
        body.put("preset", "GENERIC");
        body.put("issuer", idp.issuerUrl(issuerId).toString());
        body.put("clientId", CLIENT_ID);
        body.put("clientSecret", "browser-client-secret");
        body.put("groupsClaim", "groups");
        body.put("roleMappings", List.of());
        ApiClient.Response created = admin.post("/api/v1/sso/providers", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String providerId = created.body().get("id").asString();
        String email = "sso-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "sub-" + email, "JWT", List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", true, "name", "Sso User"), 3600));

        Page page = browser.desktop(ColorScheme.LIGHT);
        page.navigate(url("/login?tenant=Test"));
        assertThat(page.getByTestId("sso-" + providerId)).isVisible();
        check(page, "identity-login-sso-buttons");
        page.getByTestId("sso-" + providerId).click();
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        assertThat(page).not().hasURL(Pattern.compile(".*code=.*"));
        ApiClient.Response me = admin.get("/api/v1/users?q=" + email);
        assertThat(me.raw()).contains(email);
        page.context().close();
    }

    @Test
    void acceptsAMailedInvitation() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String email = "browser-invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertThat(admin.post("/api/v1/invitations", Map.of("email", email, "roles", List.of("OPERATOR"))).status()).isEqualTo(201);
        String token = tokenFromMail(email, "/invite/");

        Page page = browser.desktop(ColorScheme.LIGHT);
        page.navigate(url("/invite/" + token));
        assertThat(page.getByTestId("invitation")).containsText(email);
        assertThat(page.getByTestId("invitation")).containsText("OPERATOR");
        page.getByTestId("invite-name").fill("Invited Browser");
        page.getByTestId("new-password").fill("1qaz2wsx3edc");
        page.getByTestId("invite-accept").click();
        assertThat(page.locator("[data-rule=notCommon]")).hasAttribute("data-met", "false");
        check(page, "identity-invite-weak-password");
        page.getByTestId("new-password").fill(PASSWORD);
        page.getByTestId("invite-accept").click();
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        assertThat(admin.get("/api/v1/invitations").raw()).contains("ACCEPTED");
        page.context().close();

        Page used = browser.phone(ColorScheme.DARK);
        used.navigate(url("/invite/" + token));
        assertThat(used.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).isVisible();
        check(used, "identity-invite-used-phone-dark");
        used.context().close();
    }

    @Test
    void resetsAPasswordFromTheMailedLink() {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        identity.createUser(tenant, username, PASSWORD, List.of("VIEWER"));

        Page page = browser.desktop(ColorScheme.LIGHT);
        page.navigate(url("/login"));
        page.getByTestId("forgot-password").click();
        page.getByTestId("reset-email").fill(username);
        page.getByTestId("reset-submit").click();
        assertThat(page.getByTestId("reset-sent")).isVisible();
        check(page, "identity-reset-requested");

        String token = tokenFromMail(username, "/login/reset/confirm\\?token=");
        page.navigate(url("/login/reset/confirm?token=" + token));
        page.getByTestId("new-password").fill("123qweasdzxc");
        page.getByTestId("reset-confirm").click();
        assertThat(page.locator("[data-rule=notCommon]")).hasAttribute("data-met", "false");
        check(page, "identity-reset-weak-password");
        String newPassword = "a-brand-new-browser-passphrase";
        page.getByTestId("new-password").fill(newPassword);
        page.getByTestId("reset-confirm").click();
        assertThat(page.getByTestId("reset-done")).isVisible();
        check(page, "identity-reset-done");

        page.getByTestId("back-to-login").click();
        page.getByTestId("login-username").fill(username);
        page.getByTestId("login-password").fill(newPassword);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        page.context().close();
    }

    /** Waits for the newest mail to {@code to} and returns the token of the console link it carries. */
    private static String tokenFromMail(String to, String linkPattern) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found[0] = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipient(m).equals(to)).reduce((a, b) -> b).orElse(null);
            return found[0] != null;
        });
        try {
            String body = found[0].getContent().toString();
            Matcher m = Pattern.compile(Pattern.quote(MAIL_BASE) + linkPattern + "([A-Za-z0-9_-]{43})").matcher(body);
            assertThat(m.find()).as("link in: " + body).isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
