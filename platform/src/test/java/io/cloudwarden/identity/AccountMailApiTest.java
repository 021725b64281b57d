package io.cloudwarden.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Flows that go through real mail (GreenMail SMTP): invitations, self sign-up, password reset. */
@PlatformTest
class AccountMailApiTest {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("cloudwarden.identity.mail.console-base-url", () -> "https://console.example.test");
        registry.add("cloudwarden.identity.mail.from", () -> "noreply@example.test");
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    /** Waits for the mail to {@code to} and returns the token of the console link it carries. */
    private static String tokenFromMail(String to, String linkPattern) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            found[0] = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipient(m).equals(to)).reduce((a, b) -> b).orElse(null);
            return found[0] != null;
        });
        try {
            assertThat(found[0].getFrom()[0].toString()).isEqualTo("noreply@example.test");
            String body = found[0].getContent().toString();
            Matcher m = Pattern.compile(Pattern.quote("https://console.example.test") + linkPattern + "([A-Za-z0-9_-]{43})").matcher(body);
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

    @Test
    void invitationMailLeadsToAcceptanceAndLogin() {
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ApiClient.Response invited = admin.post("/api/v1/invitations", Map.of("email", email, "roles", List.of("OPERATOR")));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(admin.post("/api/v1/invitations", Map.of("email", "x@example.test", "roles", List.of("GOD"))).code()).isEqualTo("UNKNOWN_ROLE");

        String token = tokenFromMail(email, "/invite/");
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response preview = anonymous.get("/api/v1/auth/invitations/" + token);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("email").asString()).isEqualTo(email);
        assertThat(preview.body().get("tenantName").asString()).isEqualTo("Test");
        assertThat(preview.body().get("roles").get(0).asString()).isEqualTo("OPERATOR");

        ApiClient.Response weak = anonymous.post("/api/v1/auth/invitations/" + token + "/accept", Map.of("password", "1qaz2wsx3edc"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(weak.body().get("reason").asString()).contains("common");
        assertThat(anonymous.post("/api/v1/auth/invitations/" + token + "/accept", Map.of("password", "short")).code()).isEqualTo("PASSWORD_TOO_WEAK");

        ApiClient.Response accepted = anonymous.post("/api/v1/auth/invitations/" + token + "/accept",
                Map.of("password", IdentityFixtures.PASSWORD, "displayName", "Ivy Invitee"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("refreshToken").asString()).isNotBlank();
        assertThat(anonymous.post("/api/v1/auth/invitations/" + token + "/accept", Map.of("password", IdentityFixtures.PASSWORD)).code())
                .as("single use").isEqualTo("LINK_INVALID");
        assertThat(new ApiClient(port).login(email, IdentityFixtures.PASSWORD).get("/api/v1/me/sessions").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/invitations").raw()).contains(email).contains("ACCEPTED");
    }

    @Test
    void signUpNeedsTheTenantToAllowItAndAVerifiedAddress() {
        var owner = IdentityFixtures.newUser(identity, "signup", List.of("ADMIN"));
        String email = "self-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Map<String, Object> body = Map.of("tenantId", owner.tenant().toString(), "email", email, "password", IdentityFixtures.PASSWORD,
                "displayName", "Sam Self");
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.post("/api/v1/auth/signup", body).code()).isEqualTo("SIGNUP_DISABLED");

        IdentityFixtures.sql(jdbc, owner.tenant(), "insert into tenant_settings (tenant_id, self_signup_enabled) values (?, true)",
                owner.tenant().value());
        assertThat(anonymous.post("/api/v1/auth/signup", Map.of("tenantId", owner.tenant().toString(), "email", email,
                "password", "q1w2e3r4t5y6")).code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(anonymous.post("/api/v1/auth/signup", body).status()).isEqualTo(202);
        ApiClient.Response early = anonymous.post("/api/v1/auth/login", Map.of("username", email, "password", IdentityFixtures.PASSWORD));
        assertThat(early.code()).isEqualTo("EMAIL_NOT_VERIFIED");

        String token = tokenFromMail(email, "/verify-email\\?token=");
        assertThat(anonymous.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        assertThat(anonymous.post("/api/v1/auth/verify-email", Map.of("token", token)).code()).isEqualTo("LINK_INVALID");
        ApiClient user = new ApiClient(port).login(email, IdentityFixtures.PASSWORD);
        assertThat(user.get("/api/v1/me/sessions").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(IdentityFixtures.auditCount(jdbc, owner.tenant(), "identity.user.signed-up")).isEqualTo(1));
    }

    @Test
    void passwordResetByMailedLinkIsSingleUseAndEndsSessions() {
        var user = IdentityFixtures.newUser(identity, "reset", List.of("VIEWER"));
        ApiClient.Response before = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD));
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.post("/api/v1/auth/password-reset", Map.of("email", user.username().toUpperCase())).status()).isEqualTo(202);
        String token = tokenFromMail(user.username(), "/login/reset/confirm\\?token=");

        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "123qweasdzxc")).code())
                .isIn("PASSWORD_TOO_WEAK");
        String newPassword = "amber-harbour-quartz-77";
        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", newPassword)).status())
                .isEqualTo(204);
        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "another-fine-passphrase"))
                .code()).isEqualTo("LINK_INVALID");
        assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD)).status())
                .isEqualTo(401);
        assertThat(new ApiClient(port).login(user.username(), newPassword).get("/api/v1/me/sessions").status()).isEqualTo(200);
        assertThat(new ApiClient(port).withToken(before.body().get("accessToken").asString()).get("/api/v1/me/sessions").status())
                .as("sessions from before the reset are over").isEqualTo(401);
    }
}
