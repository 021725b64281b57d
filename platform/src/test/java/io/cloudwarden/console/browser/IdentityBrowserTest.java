package io.cloudwarden.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestDatabaseInitializer;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity pages of the console (issue 3) in real Chromium against the real server: sign-in with a second
 * factor, MFA enrolment, sessions and a personal API key on the profile, inviting a user and changing roles,
 * a just-in-time request approved by a second user, an access review decision, and switching to a child
 * tenant. Each step is screenshotted and checked with axe-core.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityBrowserTest {

    private static final String PASSWORD = "browser-identity-password-77";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    BootstrapAdmin bootstrap;

    Browser browser;
    TenantId tenant;

    @BeforeAll
    void start() {
        browser = new Browser();
        tenant = bootstrap.ensure();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String newUser(String prefix, List<String> roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(tenant, username, PASSWORD, roles);
        return username;
    }

    private Page signIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.getByTestId("login-username").fill(username);
        page.getByTestId("login-password").fill(password);
        page.getByTestId("login-submit").click();
        return page;
    }

    private Page signedInAdmin(ColorScheme scheme) {
        Page page = signIn(browser.desktop(scheme), "admin", TestDatabaseInitializer.ADMIN_PASSWORD);
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        return page;
    }

    private static void check(Page page, String name) {
        page.waitForLoadState();
        Browser.settle(page);
        Browser.screenshot(page, name);
        assertThat(Browser.seriousViolations(page)).as(name).isEmpty();
    }

    @Test
    void signsInWithTheSecondFactorAfterARefusedCode() {
        String username = newUser("mfa", List.of("VIEWER"));
        String secret = enrolByApi(username);

        Page page = signIn(browser.desktop(ColorScheme.LIGHT), username, PASSWORD);
        assertThat(page.getByTestId("mfa-step")).isVisible();
        check(page, "identity-login-mfa-light");
        page.getByTestId("mfa-code").fill(wrongCode(secret));
        page.getByTestId("mfa-submit").click();
        assertThat(page.getByTestId("login-error")).containsText("MFA_CODE_INVALID");
        // the enrolment spent this time step's code (a code works once); the next step's is accepted too
        page.getByTestId("mfa-code").fill(Totp.next(secret));
        page.getByTestId("mfa-submit").click();
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        page.context().close();

        Page dark = signIn(browser.phone(ColorScheme.DARK), username, PASSWORD);
        assertThat(dark.getByTestId("mfa-step")).isVisible();
        check(dark, "identity-login-mfa-phone-dark");
        dark.context().close();
    }

    @Test
    void profileEnrolsMfaListsSessionsAndCreatesAnApiKeyShownOnce() {
        String username = newUser("profile", List.of("VIEWER"));
        Page page = signIn(browser.desktop(ColorScheme.LIGHT), username, PASSWORD);
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        page.getByTestId("user-menu-button").click();
        page.getByTestId("profile-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/profile$"));
        assertThat(page.getByTestId("session-current")).isVisible();
        check(page, "identity-profile-light");

        page.getByTestId("mfa-enable").click();
        assertThat(page.getByTestId("mfa-qr")).isVisible();
        String secret = page.getByTestId("mfa-secret").innerText().trim();
        check(page, "identity-profile-mfa-enrol");
        page.getByTestId("mfa-confirm-code").fill(Totp.now(secret));
        page.getByTestId("mfa-confirm").click();
        assertThat(page.getByTestId("recovery-code")).hasCount(10);
        check(page, "identity-profile-recovery-codes");
        page.getByTestId("codes-saved").click();
        assertThat(page.getByTestId("mfa-status")).containsText("On");

        page.getByTestId("apikey-new").click();
        page.getByTestId("apikey-name").fill("browser-key");
        page.getByTestId("apikey-roles").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("VIEWER")).click();
        page.keyboard().press("Escape");
        page.getByTestId("apikey-submit").click();
        assertThat(page.getByTestId("apikey-secret")).containsText("cw_");
        check(page, "identity-profile-apikey-once");
        page.getByTestId("apikey-done").click();
        assertThat(page.getByTestId("apikey-row-browser-key")).isVisible();
        assertThat(page.getByTestId("apikey-secret")).hasCount(0);
        page.context().close();
    }

    @Test
    void adminInvitesAUserAndChangesRoles() {
        String bob = newUser("bob", List.of("VIEWER"));
        Page page = signedInAdmin(ColorScheme.LIGHT);
        page.getByTestId("nav-admin").click();
        assertThat(page.getByTestId("admin-tab-users")).isVisible();
        page.getByTestId("invite-open").click();
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        page.getByTestId("invite-email").fill(email);
        page.getByTestId("invite-submit").click();
        page.getByTestId("admin-tab-invitations").click();
        assertThat(page.getByTestId("invitation-row-" + email)).isVisible();
        check(page, "identity-admin-invitations");

        page.navigate(url("/admin?q=" + bob));
        Locator row = page.getByTestId("user-row-" + bob);
        assertThat(row).isVisible();
        check(page, "identity-admin-users-light");
        page.getByTestId("user-edit-" + bob).click();
        page.getByTestId("user-roles").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("OPERATOR")).click();
        page.keyboard().press("Escape");
        page.getByTestId("user-roles-save").click();
        assertThat(row).containsText("OPERATOR");
        page.context().close();

        Page dark = signedInAdmin(ColorScheme.DARK);
        dark.navigate(url("/admin?tab=roles"));
        assertThat(dark.getByTestId("role-ADMIN")).isVisible();
        check(dark, "identity-admin-roles-dark");
        dark.context().close();
    }

    @Test
    void aJitRequestIsApprovedByASecondUserButNotByTheRequester() {
        String requester = newUser("jit", List.of("ENGINEER"));
        String reason = "browser test incident " + UUID.randomUUID().toString().substring(0, 8);
        Page page = signIn(browser.desktop(ColorScheme.LIGHT), requester, PASSWORD);
        assertThat(page.getByTestId("user-menu-button")).isVisible();
        page.navigate(url("/access"));
        page.getByTestId("jit-reason").fill(reason);
        page.getByTestId("jit-submit").click();
        assertThat(page.getByTestId("jit-sent")).isVisible();
        assertThat(page.getByTestId("jit-mine")).containsText(reason);
        check(page, "identity-access-jit-requested");

        Page approver = signedInAdmin(ColorScheme.LIGHT);
        approver.navigate(url("/access"));
        Locator pending = approver.getByTestId("jit-approvals").locator("tr", new Locator.LocatorOptions().setHasText(reason));
        assertThat(pending).isVisible();
        check(approver, "identity-access-approvals");
        pending.getByTestId("jit-approve").click();
        assertThat(pending).hasCount(0);
        approver.context().close();

        page.reload();
        assertThat(page.getByTestId("jit-active").getByTestId("jit-countdown").first()).isVisible();
        check(page, "identity-access-jit-active");
        page.context().close();
    }

    @Test
    void anAccessReviewItemIsCertified() {
        // nobody decides on their own access (SELF_REVIEW_FORBIDDEN): the admin reviews another user's line
        String reviewed = newUser("reviewed", List.of("VIEWER"));
        Page page = signedInAdmin(ColorScheme.LIGHT);
        page.navigate(url("/access?tab=reviews"));
        page.getByTestId("review-new").click();
        String name = "Quarterly " + UUID.randomUUID().toString().substring(0, 8);
        page.getByTestId("review-name").fill(name);
        page.getByTestId("review-submit").click();
        page.getByTestId("review-row-" + name).getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile(".*/access/reviews/.+"));
        Locator line = page.getByTestId("review-item-" + reviewed + "-VIEWER");
        assertThat(line.getByTestId("review-certify")).isVisible();
        assertThat(page.getByTestId("review-item-admin-ADMIN").getByTestId("review-own")).isVisible();
        check(page, "identity-access-review");
        line.getByTestId("review-certify").click();
        assertThat(line).containsText("Certified");
        check(page, "identity-access-review-decided");
        page.context().close();
    }

    @Test
    void switchesToAChildTenantAndBack() {
        String child = "Browser Customer " + UUID.randomUUID().toString().substring(0, 6);
        identity.createTenant(child, "CUSTOMER", tenant);
        Page page = signedInAdmin(ColorScheme.LIGHT);
        page.getByTestId("tenant-switcher").click();
        // a substring match: Pattern.quote's \Q..\E means nothing to the browser's JavaScript regular expressions
        page.getByRole(AriaRole.MENUITEMRADIO, new Page.GetByRoleOptions().setName(child)).click();
        assertThat(page.getByTestId("tenant-name")).containsText(child);
        page.navigate(url("/admin?tab=tenant"));
        assertThat(page.getByTestId("tenant-name")).containsText(child);
        assertThat(page.getByTestId("tenant-settings")).isVisible();
        assertThat(page.getByTestId("tenant-tree")).containsText(child);
        check(page, "identity-tenant-switched");
        page.getByTestId("tenant-switcher").click();
        page.getByRole(AriaRole.MENUITEMRADIO).first().click();
        assertThat(page.getByTestId("tenant-name")).not().containsText(child);
        page.context().close();
    }

    /** Enrols TOTP for the user through the API; returns the secret. */
    private String enrolByApi(String username) {
        ApiClient api = new ApiClient(port).login(username, PASSWORD);
        ApiClient.Response started = api.post("/api/v1/me/mfa/totp", Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        String secret = started.body().get("secret").asString();
        ApiClient.Response confirmed = api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.now(secret)));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        return secret;
    }

    private static String wrongCode(String secret) {
        String a = Totp.now(secret);
        String b = Totp.next(secret);
        return !a.equals("000000") && !b.equals("000000") ? "000000" : !a.equals("111111") && !b.equals("111111") ? "111111" : "222222";
    }

    /** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) over an RFC 4648 base32 secret, as authenticator apps compute it. */
    static final class Totp {

        private Totp() {
        }

        static String now(String base32Secret) {
            return at(base32Secret, System.currentTimeMillis() / 1000 / 30);
        }

        static String next(String base32Secret) {
            return at(base32Secret, System.currentTimeMillis() / 1000 / 30 + 1);
        }

        static String at(String base32Secret, long counter) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
                byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
                int o = h[h.length - 1] & 0x0f;
                int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
                return String.format("%06d", bin % 1_000_000);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] base32(String s) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            String clean = s.replace("=", "").replace(" ", "").toUpperCase();
            ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : clean.toCharArray()) {
                int v = alphabet.indexOf(c);
                if (v < 0) {
                    throw new IllegalArgumentException("not base32: " + c);
                }
                buffer = (buffer << 5) | v;
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return out.array();
        }
    }
}
