package io.cloudwarden.identity.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.MfaDisabled;
import io.cloudwarden.identity.MfaEnrolled;
import io.cloudwarden.identity.RecoveryCodesRegenerated;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.SecretCipher;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TOTP second factor: enrolment (secret sealed with {@link SecretCipher}, otpauth URI and QR code),
 * confirmation by a first code, 10 single-use recovery codes stored as SHA-256 hashes, verification with
 * no reuse of a code within its window, and disabling.
 */
@Service
public class MfaService {

    static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final IdentityProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    MfaService(JdbcClient jdbc, SecretCipher cipher, ApplicationEventPublisher events, IdentityProperties props,
               PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
        this.props = props;
        this.tx = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    /** What an authenticator app needs: the base32 secret, the otpauth URI and a QR code of it. */
    public record Enrolment(String secret, String otpauthUri, String qrPng) {
    }

    /** Starts (or restarts) enrolment; the secret becomes active only when {@link #confirm} gets a valid code. */
    public Enrolment enrol(TenantId tenant, UUID userId) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            User u = user(userId);
            if (u.mfaEnabled()) {
                throw new CloudwardenException(IdentityErrorCode.MFA_ALREADY_ENABLED, "MFA is already enabled; disable it first to enrol a new authenticator");
            }
            byte[] secret = Totp.newSecret();
            String base32 = Totp.base32(secret);
            jdbc.sql("update users set totp_pending = ? where id = ?").params(cipher.encrypt(base32), userId).update();
            String label = URLEncoder.encode(props.issuer() + ":" + u.username(), StandardCharsets.UTF_8).replace("+", "%20");
            String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer="
                    + URLEncoder.encode(props.issuer(), StandardCharsets.UTF_8) + "&algorithm=SHA1&digits=6&period=30";
            return new Enrolment(base32, uri, "data:image/png;base64," + qrPng(uri));
        }));
    }

    /** Activates the pending secret if {@code code} matches it, and returns 10 new recovery codes. */
    public List<String> confirm(TenantId tenant, UUID userId, String code, String ip) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            byte[] pending = jdbc.sql("select totp_pending from users where id = ? for update").param(userId)
                    .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
            if (pending == null) {
                throw new CloudwardenException(IdentityErrorCode.MFA_NOT_ENABLED, "start enrolment first with POST /api/v1/me/mfa/totp");
            }
            byte[] secret = Totp.fromBase32(cipher.decrypt(pending));
            OptionalLong step = Totp.verify(secret, code, clock.instant().getEpochSecond(), Long.MIN_VALUE);
            if (step.isEmpty()) {
                throw new CloudwardenException(IdentityErrorCode.MFA_CODE_INVALID, "the code does not match; check the authenticator's clock and try the current code");
            }
            jdbc.sql("update users set totp_secret = totp_pending, totp_pending = null, mfa_enabled = true, totp_last_step = ? where id = ?")
                    .params(step.getAsLong(), userId).update();
            List<String> codes = replaceRecoveryCodes(tenant, userId);
            events.publishEvent(new MfaEnrolled(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(), Map.of("method", "TOTP")));
            return codes;
        }));
    }

    /** Turns MFA off after checking a current code or a recovery code. */
    public void disable(TenantId tenant, UUID userId, String code, String ip) {
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(status -> {
            requireEnabled(userId);
            if (!verify(userId, code) && !useRecoveryCode(userId, code)) {
                throw codeInvalid();
            }
            jdbc.sql("update users set mfa_enabled = false, totp_secret = null, totp_pending = null, totp_last_step = null where id = ?")
                    .param(userId).update();
            jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
            events.publishEvent(new MfaDisabled(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(), Map.of("method", "TOTP")));
        }));
    }

    /** Replaces the recovery codes after checking a current code. */
    public List<String> regenerateRecoveryCodes(TenantId tenant, UUID userId, String code, String ip) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> {
            requireEnabled(userId);
            if (!verify(userId, code)) {
                throw codeInvalid();
            }
            List<String> codes = replaceRecoveryCodes(tenant, userId);
            events.publishEvent(new RecoveryCodesRegenerated(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(), Map.of()));
            return codes;
        }));
    }

    /**
     * Whether {@code code} is a current TOTP code of the user that was not used before; marks its step used.
     * Runs in the caller's transaction with the tenant bound.
     */
    boolean verify(UUID userId, String code) {
        record Secret(byte[] sealed, Long lastStep) {
        }
        Secret s = jdbc.sql("select totp_secret, totp_last_step from users where id = ? and mfa_enabled for update").param(userId)
                .query((rs, n) -> new Secret(rs.getBytes(1), rs.getObject(2) == null ? null : rs.getLong(2))).optional().orElse(null);
        if (s == null || s.sealed() == null) {
            return false;
        }
        byte[] secret = Totp.fromBase32(cipher.decrypt(s.sealed()));
        OptionalLong step = Totp.verify(secret, code, clock.instant().getEpochSecond(), s.lastStep() == null ? Long.MIN_VALUE : s.lastStep());
        if (step.isEmpty()) {
            return false;
        }
        jdbc.sql("update users set totp_last_step = ? where id = ?").params(step.getAsLong(), userId).update();
        return true;
    }

    /** Whether {@code code} is an unused recovery code of the user; marks it used. Caller's transaction. */
    boolean useRecoveryCode(UUID userId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return jdbc.sql("update recovery_codes set used_at = now() where user_id = ? and code_hash = ? and used_at is null")
                .params(userId, OneTimeSecrets.hash(code.trim().toLowerCase())).update() == 1;
    }

    private List<String> replaceRecoveryCodes(TenantId tenant, UUID userId) {
        jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = OneTimeSecrets.newRecoveryCode();
            codes.add(code);
            jdbc.sql("insert into recovery_codes (tenant_id, user_id, code_hash) values (?, ?, ?)")
                    .params(tenant.value(), userId, OneTimeSecrets.hash(code)).update();
        }
        return List.copyOf(codes);
    }

    private void requireEnabled(UUID userId) {
        if (!user(userId).mfaEnabled()) {
            throw new CloudwardenException(IdentityErrorCode.MFA_NOT_ENABLED, "MFA is not enabled for this user");
        }
    }

    private User user(UUID userId) {
        return jdbc.sql("select username, mfa_enabled from users where id = ?").param(userId)
                .query((rs, n) -> new User(rs.getString(1), rs.getBoolean(2))).optional()
                .orElseThrow(() -> CloudwardenException.notFound("user", userId));
    }

    private static CloudwardenException codeInvalid() {
        return new CloudwardenException(IdentityErrorCode.MFA_CODE_INVALID, "the code is wrong, expired or already used");
    }

    static String qrPng(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("could not render the QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record User(String username, boolean mfaEnabled) {
    }
}
