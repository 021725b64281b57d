package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.EmailVerified;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.PasswordChanged;
import io.cloudwarden.identity.PasswordResetRequested;
import io.cloudwarden.identity.UserSignedUp;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self service around passwords: self sign-up with email verification, password reset by a mailed
 * single-use link (30 minutes), and changing one's own password. Reset requests answer the same whether or
 * not the address exists; the lookup and mail run off the request thread so timing reveals nothing either.
 */
@Service
public class AccountService {

    static final Duration RESET_TTL = Duration.ofMinutes(30);
    static final Duration VERIFY_TTL = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final UserTokens userTokens;
    private final SessionService sessions;
    private final AccountMail mail;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cloudwarden-password-reset");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock = Clock.systemUTC();

    AccountService(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, UserTokens userTokens, SessionService sessions,
                   AccountMail mail, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.userTokens = userTokens;
        this.sessions = sessions;
        this.mail = mail;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Signs up to a tenant that allows it; the account works once the mailed link confirms the address. */
    public void signUp(UUID tenantId, String email, String password, String displayName, String ip) {
        String address = Emails.normalize(email);
        policy.check(password);
        boolean allowed = tenantId != null && Boolean.TRUE.equals(
                jdbc.sql("select cw_self_signup_enabled(?)").param(tenantId).query(Boolean.class).single());
        if (!allowed) {
            throw new CloudwardenException(IdentityErrorCode.SIGNUP_DISABLED, "this organisation does not allow self sign-up; ask an administrator for an invitation");
        }
        TenantId tenant = new TenantId(tenantId);
        String hash = passwords.encode(password);
        Optional<String> token = TenantContext.callAs(tenant, () -> tx.execute(s -> {
            UUID userId = UUID.randomUUID();
            try {
                jdbc.sql("""
                                insert into users (id, tenant_id, username, email, email_verified, password_hash, display_name, roles, password_changed_at)
                                values (?, ?, ?, ?, false, ?, ?, '{VIEWER}', now())""")
                        .params(userId, tenant.value(), address, address, hash, displayName == null ? null : displayName.trim()).update();
            } catch (DuplicateKeyException e) {
                // the address is taken: answer as if it worked, so sign-up reveals no accounts
                return Optional.<String>empty();
            }
            events.publishEvent(new UserSignedUp(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(),
                    Map.of("email", address, "roles", java.util.List.of("VIEWER"))));
            return Optional.of(userTokens.create(tenant, userId, UserTokens.Kind.VERIFY_EMAIL, VERIFY_TTL));
        }));
        token.ifPresent(t -> mail.verification(address, t));
    }

    /** Confirms an email address by its mailed link. */
    public void verifyEmail(String token, String ip) {
        TenantId tenant = userTokens.tenantOf(token).orElseThrow(InvitationService::linkInvalid);
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> {
            UserTokens.Owner owner = userTokens.find(token, UserTokens.Kind.VERIFY_EMAIL).orElseThrow(InvitationService::linkInvalid);
            userTokens.use(token);
            jdbc.sql("update users set email_verified = true where id = ?").param(owner.userId()).update();
            events.publishEvent(new EmailVerified(tenant, "user:" + owner.userId(), "user:" + owner.userId(), ip, clock.instant(), Map.of()));
        }));
    }

    /** Mails a reset link if {@code email} belongs to an active user; always returns at once. */
    public void requestPasswordReset(String email, String ip) {
        String address = email == null ? "" : email.trim().toLowerCase();
        background.execute(() -> {
            record Found(UUID userId, TenantId tenant) {
            }
            Optional<Found> found = jdbc.sql("select user_id, tenant_id from cw_user_by_email(?)").param(address)
                    .query((rs, n) -> new Found(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)))).optional();
            found.ifPresent(f -> {
                String token = TenantContext.callAs(f.tenant(), () -> tx.execute(s -> {
                    userTokens.voidAll(f.userId(), UserTokens.Kind.PASSWORD_RESET);
                    events.publishEvent(new PasswordResetRequested(f.tenant(), "user:" + f.userId(), "user:" + f.userId(), ip,
                            clock.instant(), Map.of()));
                    return userTokens.create(f.tenant(), f.userId(), UserTokens.Kind.PASSWORD_RESET, RESET_TTL);
                }));
                mail.passwordReset(address, token);
            });
        });
    }

    /** Sets a new password with a reset link; ends every session of the user and lifts a lock. */
    public void confirmPasswordReset(String token, String newPassword, String ip) {
        policy.check(newPassword);
        TenantId tenant = userTokens.tenantOf(token).orElseThrow(InvitationService::linkInvalid);
        String hash = passwords.encode(newPassword);
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> {
            UserTokens.Owner owner = userTokens.find(token, UserTokens.Kind.PASSWORD_RESET).orElseThrow(InvitationService::linkInvalid);
            userTokens.use(token);
            setPassword(tenant, owner.userId(), hash, "reset link", ip);
        }));
    }

    /** Changes the caller's own password after checking the current one; ends their other sessions. */
    public void changePassword(TenantId tenant, UUID userId, String current, String newPassword, String ip) {
        String stored = TenantContext.callAs(tenant, () -> jdbc.sql("select password_hash from users where id = ?").param(userId)
                .query(String.class).single());
        if (!passwords.matches(current == null ? "" : current, stored)) {
            throw new CloudwardenException(IdentityErrorCode.INVALID_CREDENTIALS, "the current password is wrong");
        }
        policy.check(newPassword);
        String hash = passwords.encode(newPassword);
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> setPassword(tenant, userId, hash, "own change", ip)));
    }

    private void setPassword(TenantId tenant, UUID userId, String hash, String how, String ip) {
        jdbc.sql("""
                        update users set password_hash = ?, password_changed_at = now(), failed_logins = 0, lock_count = 0,
                        locked_until = null where id = ?""").params(hash, userId).update();
        int ended = sessions.revokeAll(tenant, userId, "password changed");
        events.publishEvent(new PasswordChanged(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(),
                Map.of("how", how, "sessionsEnded", ended)));
    }
}
