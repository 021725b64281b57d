package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.InvitationAccepted;
import io.cloudwarden.identity.InvitationCreated;
import io.cloudwarden.identity.InvitationRevoked;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Invitations: an administrator invites an email address with roles; the mailed one-time link (7 days) sets the password. */
@Service
public class InvitationService {

    static final Duration TTL = Duration.ofDays(7);
    static final Set<String> BUILT_IN_ROLES = Set.of("VIEWER", "OPERATOR", "ENGINEER", "FINOPS", "SECURITY", "AUDITOR", "ADMIN", "MSP_ADMIN");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final AccountMail mail;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    InvitationService(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, SessionService sessions, AccountMail mail,
                      ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.sessions = sessions;
        this.mail = mail;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** An invitation as administrators see it; status is PENDING, ACCEPTED, REVOKED or EXPIRED. */
    public record InvitationView(UUID id, String email, List<String> roles, String displayName, Instant expiresAt, String status,
                                 Instant createdAt) {
    }

    /** What the invited person sees before accepting. */
    public record InvitationPreview(String email, String tenantName, List<String> roles, Instant expiresAt) {
    }

    /** Invites {@code email} to the bound tenant and mails the link. */
    public InvitationView invite(String email, List<String> roles, String displayName, String actor, String ip) {
        TenantId tenant = TenantContext.require();
        String address = Emails.normalize(email);
        List<String> roleKeys = validRoles(roles);
        String token = OneTimeSecrets.newToken();
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(TTL);
        String tenantName = tx.execute(s -> {
            if (jdbc.sql("select count(*) from cw_login_lookup(?)").param(address).query(Long.class).single() > 0) {
                throw new CloudwardenException(IdentityErrorCode.USERNAME_TAKEN, "a user with the email '" + address + "' already exists");
            }
            jdbc.sql("""
                            insert into invitations (id, tenant_id, email, roles, display_name, token_hash, created_by, expires_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenant.value(), address, roleKeys.toArray(String[]::new), displayName, OneTimeSecrets.hash(token),
                            actor, Timestamp.from(expires)).update();
            events.publishEvent(new InvitationCreated(tenant, actor, "invitation:" + id, ip, clock.instant(),
                    Map.of("email", address, "roles", roleKeys)));
            return jdbc.sql("select name from tenants where id = ?").param(tenant.value()).query(String.class).single();
        });
        mail.invitation(address, tenantName, token);
        return find(id);
    }

    /** The bound tenant's invitations, newest first. */
    public List<InvitationView> list() {
        return jdbc.sql("""
                        select id, email, roles, display_name, expires_at, accepted_at, revoked_at, created_at
                        from invitations order by created_at desc limit 500""")
                .query((rs, n) -> view(rs)).list();
    }

    /** Withdraws a pending invitation. */
    public void revoke(UUID id, String actor, String ip) {
        TenantId tenant = TenantContext.require();
        tx.executeWithoutResult(s -> {
            InvitationView v = find(id);
            if (!v.status().equals("PENDING")) {
                throw new CloudwardenException(IdentityErrorCode.INVITATION_NOT_PENDING, "the invitation is " + v.status().toLowerCase());
            }
            jdbc.sql("update invitations set revoked_at = now() where id = ?").param(id).update();
            events.publishEvent(new InvitationRevoked(tenant, actor, "invitation:" + id, ip, clock.instant(), Map.of("email", v.email())));
        });
    }

    /** The pending invitation of a link token. */
    public InvitationPreview preview(String token) {
        TenantId tenant = tenantOf(token);
        return TenantContext.callAs(tenant, () -> {
            InvitationView v = pending(token);
            String name = jdbc.sql("select name from tenants where id = ?").param(tenant.value()).query(String.class).single();
            return new InvitationPreview(v.email(), name, v.roles(), v.expiresAt());
        });
    }

    /** Accepts an invitation: creates the user with the chosen password and logs them in. */
    public SessionService.TokenPair accept(String token, String password, String displayName, String ip, String userAgent) {
        policy.check(password);
        TenantId tenant = tenantOf(token);
        String hash = passwords.encode(password);
        return TenantContext.callAs(tenant, () -> tx.execute(s -> {
            InvitationView v = pending(token);
            jdbc.sql("update invitations set accepted_at = now() where id = ?").param(v.id()).update();
            UUID userId = UUID.randomUUID();
            try {
                jdbc.sql("""
                                insert into users (id, tenant_id, username, email, email_verified, password_hash, display_name, roles, password_changed_at)
                                values (?, ?, ?, ?, true, ?, ?, ?, now())""")
                        .params(userId, tenant.value(), v.email(), v.email(), hash,
                                displayName == null || displayName.isBlank() ? v.displayName() : displayName.trim(),
                                v.roles().toArray(String[]::new)).update();
            } catch (DuplicateKeyException e) {
                throw new CloudwardenException(IdentityErrorCode.USERNAME_TAKEN, "a user with the email '" + v.email() + "' already exists");
            }
            events.publishEvent(new InvitationAccepted(tenant, "user:" + userId, "user:" + userId, ip, clock.instant(),
                    Map.of("invitationId", v.id().toString(), "email", v.email(), "roles", v.roles())));
            return sessions.start(tenant, userId, ip, userAgent);
        }));
    }

    private TenantId tenantOf(String token) {
        UUID tenant = token == null || token.isBlank() ? null
                : jdbc.sql("select cw_invitation_tenant(?)").param(OneTimeSecrets.hash(token)).query(UUID.class).optional().orElse(null);
        if (tenant == null) {
            throw linkInvalid();
        }
        return new TenantId(tenant);
    }

    private InvitationView pending(String token) {
        InvitationView v = jdbc.sql("""
                        select id, email, roles, display_name, expires_at, accepted_at, revoked_at, created_at
                        from invitations where token_hash = ? for update""")
                .param(OneTimeSecrets.hash(token)).query((rs, n) -> view(rs)).optional().orElseThrow(InvitationService::linkInvalid);
        if (!v.status().equals("PENDING")) {
            throw linkInvalid();
        }
        return v;
    }

    private InvitationView find(UUID id) {
        return jdbc.sql("""
                        select id, email, roles, display_name, expires_at, accepted_at, revoked_at, created_at
                        from invitations where id = ?""")
                .param(id).query((rs, n) -> view(rs)).optional().orElseThrow(() -> CloudwardenException.notFound("invitation", id));
    }

    private InvitationView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant expires = rs.getTimestamp(5).toInstant();
        String status = rs.getTimestamp(6) != null ? "ACCEPTED" : rs.getTimestamp(7) != null ? "REVOKED"
                : expires.isBefore(clock.instant()) ? "EXPIRED" : "PENDING";
        return new InvitationView(rs.getObject(1, UUID.class), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                rs.getString(4), expires, status, rs.getTimestamp(8).toInstant());
    }

    static List<String> validRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw CloudwardenException.invalid("invalid invitation", List.of(new FieldProblem("roles", "choose at least one role")));
        }
        for (String role : roles) {
            if (role == null || !(BUILT_IN_ROLES.contains(role) || role.matches("custom:[a-z0-9][a-z0-9-]{0,62}"))) {
                throw new CloudwardenException(IdentityErrorCode.UNKNOWN_ROLE, "unknown role '" + role + "'; use a built-in role key or custom:<slug>");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(roles));
    }

    static CloudwardenException linkInvalid() {
        return new CloudwardenException(IdentityErrorCode.LINK_INVALID, "this link is invalid, expired or already used");
    }
}
