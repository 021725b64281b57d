package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.IdentityProblem;
import io.cloudwarden.identity.UserLoggedIn;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login with progressive lockout and a second factor. Unknown usernames cost one bcrypt
 * comparison and get the same answer as wrong passwords. A correct password for a user with MFA answers
 * {@code MFA_REQUIRED} with a 5-minute {@code mfaToken} (unless the code came with the password); a tenant
 * that requires MFA answers users without it {@code MFA_ENROLMENT_REQUIRED} with an enrolment-only token.
 */
@Service
public class LoginService {

    /** The claim value that restricts an access token to the TOTP enrolment endpoints. */
    public static final String ENROLMENT_SCOPE = "mfa-enrolment";
    static final Duration MFA_TOKEN_TTL = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final SessionService sessions;
    private final MfaService mfa;
    private final LoginAttempts attempts;
    private final UserTokens userTokens;
    private final ApplicationEventPublisher events;
    private final TenantNetworkPolicy network;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();
    /** Compared against when the user is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoyHash;

    LoginService(JdbcClient jdbc, PasswordEncoder passwords, TokenIssuer tokens, SessionService sessions, MfaService mfa,
                 LoginAttempts attempts, UserTokens userTokens, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                 TenantNetworkPolicy network) {
        this.network = network;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tokens = tokens;
        this.sessions = sessions;
        this.mfa = mfa;
        this.attempts = attempts;
        this.userTokens = userTokens;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Logs in with a password and, for users with MFA, optionally a TOTP or recovery code. */
    public SessionService.TokenPair login(String username, String password, String totp, String recoveryCode,
                                          String ip, String userAgent) {
        String name = username == null ? "" : username.trim().toLowerCase();
        Optional<Credentials> found = jdbc.sql("""
                        select user_id, tenant_id, password_hash, enabled, roles, locked_until, mfa_enabled, email_verified
                        from cw_credentials_lookup(?)""").param(name)
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)),
                        name, rs.getString(3), rs.getBoolean(4), List.of((String[]) rs.getArray(5).getArray()),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getBoolean(7), rs.getBoolean(8)))
                .optional();
        String candidate = password == null ? "" : password;
        if (found.isEmpty()) {
            passwords.matches(candidate, decoyHash);
            throw invalid(name);
        }
        Credentials c = found.get();
        boolean matches = passwords.matches(candidate, c.passwordHash());
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(clock.instant())) {
            attempts.audit(c.tenant(), c.userId(), name, "locked", ip);
            throw locked(c.lockedUntil());
        }
        if (!matches) {
            attempts.countFailure(c.tenant(), c.userId(), name, "wrong password", ip).ifPresent(until -> {
                throw locked(until);
            });
            throw invalid(name);
        }
        if (!c.enabled()) {
            attempts.audit(c.tenant(), c.userId(), name, "deactivated", ip);
            throw new CloudwardenException(IdentityErrorCode.USER_DISABLED, "this user is deactivated; ask an administrator");
        }
        network.check(c.tenant(), ip);
        if (!c.emailVerified()) {
            attempts.audit(c.tenant(), c.userId(), name, "email not verified", ip);
            throw new CloudwardenException(IdentityErrorCode.EMAIL_NOT_VERIFIED, "confirm your email address with the link we sent before logging in");
        }
        if (c.mfaEnabled()) {
            boolean hasCode = (totp != null && !totp.isBlank()) || (recoveryCode != null && !recoveryCode.isBlank());
            if (!hasCode) {
                String mfaToken = TenantContext.callAs(c.tenant(), () -> tx.execute(s ->
                        userTokens.create(c.tenant(), c.userId(), UserTokens.Kind.MFA_LOGIN, MFA_TOKEN_TTL)));
                throw new IdentityProblem(IdentityErrorCode.MFA_REQUIRED,
                        "the password is right; now enter the code from your authenticator app",
                        Map.of("step", "mfa_required", "mfaToken", mfaToken, "expiresIn", MFA_TOKEN_TTL.toSeconds()));
            }
            return secondFactor(c, name, totp, recoveryCode, null, ip, userAgent);
        }
        if (mfaRequired(c.tenant())) {
            String enrolment = tokens.issue(c.userId(), name, c.tenant(), c.roles(), null, Map.of("scope", ENROLMENT_SCOPE)).token();
            throw new IdentityProblem(IdentityErrorCode.MFA_ENROLMENT_REQUIRED,
                    "this organisation requires a second factor: enrol an authenticator app, then log in again",
                    Map.of("enrolmentToken", enrolment));
        }
        return succeed(c, name, ip, userAgent);
    }

    /** Completes a login that answered {@code MFA_REQUIRED}. */
    public SessionService.TokenPair loginWithMfa(String mfaToken, String code, String recoveryCode, String ip, String userAgent) {
        Optional<TenantId> tenant = userTokens.tenantOf(mfaToken);
        Optional<UserTokens.Owner> owner = tenant.flatMap(t -> TenantContext.callAs(t, () -> tx.execute(s ->
                userTokens.find(mfaToken, UserTokens.Kind.MFA_LOGIN))));
        if (owner.isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.MFA_CODE_INVALID, "the MFA step expired; log in again with your password");
        }
        TenantId t = owner.get().tenant();
        Credentials c = TenantContext.callAs(t, () -> jdbc.sql(
                        "select id, username, enabled, roles, locked_until from users where id = ?").param(owner.get().userId())
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), t, rs.getString(2), null, rs.getBoolean(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), true, true)).single());
        String name = c.username();
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(clock.instant())) {
            throw locked(c.lockedUntil());
        }
        if (!c.enabled()) {
            throw new CloudwardenException(IdentityErrorCode.USER_DISABLED, "this user is deactivated; ask an administrator");
        }
        network.check(c.tenant(), ip);
        return secondFactor(c, name, code, recoveryCode, mfaToken, ip, userAgent);
    }

    private SessionService.TokenPair secondFactor(Credentials c, String name, String code, String recoveryCode, String mfaToken,
                                                  String ip, String userAgent) {
        boolean ok = TenantContext.callAs(c.tenant(), () -> tx.execute(s -> {
            boolean valid = (code != null && !code.isBlank() && mfa.verify(c.userId(), code.trim()))
                    || mfa.useRecoveryCode(c.userId(), recoveryCode);
            if (valid && mfaToken != null) {
                userTokens.use(mfaToken);
            }
            return valid;
        }));
        if (!ok) {
            attempts.countFailure(c.tenant(), c.userId(), name, "wrong second factor", ip).ifPresent(until -> {
                throw locked(until);
            });
            throw new CloudwardenException(IdentityErrorCode.MFA_CODE_INVALID, "the code is wrong, expired or already used");
        }
        return succeed(c, name, ip, userAgent);
    }

    private SessionService.TokenPair succeed(Credentials c, String name, String ip, String userAgent) {
        return TenantContext.callAs(c.tenant(), () -> tx.execute(s -> {
            attempts.reset(c.userId());
            events.publishEvent(new UserLoggedIn(c.tenant(), c.userId(), name, ip, Instant.now()));
            return sessions.start(c.tenant(), c.userId(), ip, userAgent);
        }));
    }

    private boolean mfaRequired(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select mfa_required from tenant_settings where tenant_id = ?")
                .param(tenant.value()).query(Boolean.class).optional().orElse(false));
    }

    private static IdentityProblem locked(Instant until) {
        return new IdentityProblem(IdentityErrorCode.ACCOUNT_LOCKED,
                "too many failed logins: this account is locked until " + until + "; try again then or ask an administrator to unlock it",
                Map.of("lockedUntil", until.toString()));
    }

    private static CloudwardenException invalid(String name) {
        log.info("Failed login for username '{}'", name);
        return new CloudwardenException(IdentityErrorCode.INVALID_CREDENTIALS, "the username or password is wrong");
    }

    private record Credentials(UUID userId, TenantId tenant, String username, String passwordHash, boolean enabled, List<String> roles,
                               Instant lockedUntil, boolean mfaEnabled, boolean emailVerified) {
    }
}
