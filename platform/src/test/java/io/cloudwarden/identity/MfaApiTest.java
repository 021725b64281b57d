package io.cloudwarden.identity;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.cloudwarden.identity.internal.Totp;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP enrolment (QR code), login with a second factor, recovery codes, and tenants that require MFA. */
@PlatformTest
class MfaApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    private static String code(byte[] secret, long offsetSteps) {
        return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()) + offsetSteps);
    }

    /** Enrols, checking the QR code decodes to the otpauth URI; returns the secret and the recovery codes. */
    private Object[] enrol(ApiClient api) throws Exception {
        ApiClient.Response start = api.post("/api/v1/me/mfa/totp", Map.of());
        assertThat(start.status()).isEqualTo(200);
        String uri = start.body().get("otpauthUri").asString();
        assertThat(uri).startsWith("otpauth://totp/").contains("secret=" + start.body().get("secret").asString()).contains("issuer=");
        String png = start.body().get("qrPng").asString();
        assertThat(png).startsWith("data:image/png;base64,");
        var image = ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(uri);
        byte[] secret = Totp.fromBase32(start.body().get("secret").asString());
        assertThat(api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", "000000")).code()).isIn("MFA_CODE_INVALID");
        String confirmCode = code(secret, -1);
        ApiClient.Response confirm = api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", confirmCode));
        assertThat(confirm.status()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        confirm.body().get("recoveryCodes").forEach(c -> recovery.add(c.asString()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        return new Object[] {secret, recovery, confirmCode};
    }

    @Test
    @SuppressWarnings("unchecked")
    void enrolThenLogInWithACodeOrARecoveryCodeOnce() throws Exception {
        var user = IdentityFixtures.newUser(identity, "totp", List.of("VIEWER"));
        ApiClient api = new ApiClient(port).login(user.username(), IdentityFixtures.PASSWORD);
        Object[] enrolled = enrol(api);
        byte[] secret = (byte[]) enrolled[0];
        List<String> recovery = (List<String>) enrolled[1];

        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response first = anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD));
        assertThat(first.status()).isEqualTo(401);
        assertThat(first.code()).isEqualTo("MFA_REQUIRED");
        assertThat(first.body().get("step").asString()).isEqualTo("mfa_required");
        String mfaToken = first.body().get("mfaToken").asString();
        assertThat(anonymous.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", "123456")).code()).isEqualTo("MFA_CODE_INVALID");
        // the code spent by the enrolment confirmation cannot be used again
        assertThat(anonymous.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", (String) enrolled[2])).code())
                .isEqualTo("MFA_CODE_INVALID");
        ApiClient.Response second = anonymous.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", code(secret, 0)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("refreshToken").asString()).isNotBlank();
        assertThat(anonymous.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", code(secret, 1))).status())
                .as("an mfaToken is single use").isEqualTo(401);

        // a recovery code works once, given with the password
        Map<String, String> withRecovery = Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD, "recoveryCode", recovery.get(0));
        assertThat(anonymous.post("/api/v1/auth/login", withRecovery).status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/auth/login", withRecovery).code()).isEqualTo("MFA_CODE_INVALID");

        // disabling needs a valid code; afterwards the password alone suffices
        ApiClient me = new ApiClient(port).withToken(second.body().get("accessToken").asString());
        assertThat(me.deleteWithBody("/api/v1/me/mfa", Map.of("code", "999999")).code()).isEqualTo("MFA_CODE_INVALID");
        assertThat(me.deleteWithBody("/api/v1/me/mfa", Map.of("code", recovery.get(1))).status()).isEqualTo(204);
        assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD)).status())
                .isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(IdentityFixtures.auditCount(jdbc, user.tenant(), "identity.mfa.enrolled")).isEqualTo(1);
            assertThat(IdentityFixtures.auditCount(jdbc, user.tenant(), "identity.mfa.disabled")).isEqualTo(1);
        });
    }

    @Test
    void aTenantThatRequiresMfaSendsUsersWithoutItToEnrolment() throws Exception {
        var user = IdentityFixtures.newUser(identity, "mfareq", List.of("VIEWER"));
        IdentityFixtures.sql(jdbc, user.tenant(), "insert into tenant_settings (tenant_id, mfa_required) values (?, true)", user.tenant().value());
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response login = anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("MFA_ENROLMENT_REQUIRED");
        ApiClient enrolment = new ApiClient(port).withToken(login.body().get("enrolmentToken").asString());
        assertThat(enrolment.get("/api/v1/me/sessions").code()).as("enrolment token opens nothing else").isEqualTo("MFA_ENROLMENT_ONLY");
        assertThat(enrolment.get("/api/v1/accounts").status()).isEqualTo(403);
        byte[] secret = (byte[]) enrol(enrolment)[0];
        ApiClient.Response again = anonymous.post("/api/v1/auth/login",
                Map.of("username", user.username(), "password", IdentityFixtures.PASSWORD, "totp", code(secret, 0)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(new ApiClient(port).withToken(again.body().get("accessToken").asString()).get("/api/v1/me/sessions").status()).isEqualTo(200);
    }
}
