package io.cloudwarden.identity.access;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.JitApproved;
import io.cloudwarden.identity.JitDenied;
import io.cloudwarden.identity.JitRequested;
import io.cloudwarden.identity.JitRevoked;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.security.Permission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Just-in-time elevation: a user asks for a role for 15 to 480 minutes with a reason; someone else with
 * {@code access:approve} approves (the grant runs from approval for the duration) or denies; the requester or an
 * approver may revoke early. Expiry is enforced twice: permission resolution ignores grants past
 * {@code expires_at}, and {@link AccessGrantExpiry} marks them EXPIRED and audits it.
 */
@Service
public class AccessRequests {

    private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "DENIED", "EXPIRED", "REVOKED");
    private static final String COLUMNS = """
            id, user_id, username, role, duration_minutes, reason, status, created_at, decided_by, decided_at,
            decision_comment, expires_at, revoked_by, revoked_at""";

    private final JdbcClient jdbc;
    private final PermissionResolver resolver;
    private final RoleCatalogue roles;
    private final ApplicationEventPublisher events;
    private final AccessProperties props;
    private final Clock clock;

    AccessRequests(JdbcClient jdbc, PermissionResolver resolver, RoleCatalogue roles, ApplicationEventPublisher events,
                   AccessProperties props, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.resolver = resolver;
        this.roles = roles;
        this.events = events;
        this.props = props;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Files a PENDING request of the calling user. */
    @Transactional
    public AccessRequestView request(String role, Integer durationMinutes, String reason) {
        Caller caller = Caller.current(resolver);
        UUID user = caller.principal().userId().orElseThrow(() -> new CloudwardenException(CommonErrorCode.FORBIDDEN,
                "only users request just-in-time access; API keys have fixed roles"));
        List<FieldProblem> problems = new ArrayList<>();
        if (role == null || role.isBlank() || roles.find(caller.tenant(), role).isEmpty()) {
            problems.add(new FieldProblem("role", "must be a role of this tenant"));
        }
        int min = props.jitMinDurationMinutes();
        int max = props.jitMaxDurationMinutes();
        if (durationMinutes == null || durationMinutes < min || durationMinutes > max) {
            problems.add(new FieldProblem("durationMinutes", "must be between " + min + " and " + max));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.add(new FieldProblem("reason", "is required, at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the access request is not valid", problems);
        }
        boolean held = jdbc.sql("select ? = any(roles) from cw_user_access(?)").params(role, user).query(Boolean.class)
                .optional().orElse(false);
        if (held) {
            throw new CloudwardenException(IdentityErrorCode.ROLE_ALREADY_HELD, "you hold the role '" + role + "' already");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String username = jdbc.sql("select username from users where id = ?").param(user).query(String.class).optional()
                .orElse(user.toString());
        jdbc.sql("""
                        insert into access_requests (id, tenant_id, user_id, username, role, duration_minutes, reason, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, caller.tenant().value(), user, username, role, durationMinutes, reason.trim(), Timestamp.from(now))
                .update();
        events.publishEvent(new JitRequested(caller.tenant(), id, user, role, durationMinutes, reason.trim(), caller.actor(),
                caller.sourceIp(), now));
        return get(id);
    }

    /** Approves a pending request of someone else; the grant is active from now for its duration. */
    @Transactional
    public AccessRequestView approve(UUID id, String comment) {
        Caller caller = Caller.current(resolver);
        AccessRequestView r = pendingForDecision(caller, id);
        RoleCatalogue.checkNoEscalation(caller, resolver.permissionsOfRole(r.role(), caller.tenant()));
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(60L * r.durationMinutes());
        jdbc.sql("""
                        update access_requests set status = 'APPROVED', decided_by = ?, decided_at = ?, decision_comment = ?,
                        expires_at = ? where id = ? and status = 'PENDING'""")
                .params(caller.actor(), Timestamp.from(now), comment(comment, false), Timestamp.from(expires), id).update();
        events.publishEvent(new JitApproved(caller.tenant(), id, r.userId(), r.role(), expires, comment(comment, false),
                caller.actor(), caller.sourceIp(), now));
        resolver.invalidateAll();
        return get(id);
    }

    /** Denies a pending request of someone else; a comment is required. */
    @Transactional
    public AccessRequestView deny(UUID id, String comment) {
        Caller caller = Caller.current(resolver);
        String why = comment(comment, true);
        AccessRequestView r = pendingForDecision(caller, id);
        Instant now = clock.instant();
        jdbc.sql("""
                        update access_requests set status = 'DENIED', decided_by = ?, decided_at = ?, decision_comment = ?
                        where id = ? and status = 'PENDING'""")
                .params(caller.actor(), Timestamp.from(now), why, id).update();
        events.publishEvent(new JitDenied(caller.tenant(), id, r.userId(), r.role(), why, caller.actor(), caller.sourceIp(), now));
        return get(id);
    }

    /** Withdraws a pending request or ends an active grant early: the requester, or anyone with access:approve. */
    @Transactional
    public AccessRequestView revoke(UUID id) {
        Caller caller = Caller.current(resolver);
        AccessRequestView r = get(id);
        if (!caller.isUser(r.userId()) && !caller.permissions().contains(Permission.ACCESS_APPROVE)) {
            throw new CloudwardenException(CommonErrorCode.FORBIDDEN, "only the requester or an approver may revoke this");
        }
        boolean revocable = r.status().equals("PENDING") || r.active();
        if (!revocable) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REQUEST_STATE,
                    "the request is " + r.status() + (r.status().equals("APPROVED") ? " but already past its end" : "")
                            + "; only pending requests and active grants can be revoked");
        }
        Instant now = clock.instant();
        jdbc.sql("update access_requests set status = 'REVOKED', revoked_by = ?, revoked_at = ? where id = ?")
                .params(caller.actor(), Timestamp.from(now), id).update();
        events.publishEvent(new JitRevoked(caller.tenant(), id, r.userId(), r.role(), r.status(), caller.actor(),
                caller.sourceIp(), now));
        resolver.invalidateAll();
        return get(id);
    }

    /** Requests by status, newest first; callers without access:approve see only their own. */
    public List<AccessRequestView> list(String status, boolean mine) {
        Caller caller = Caller.current(resolver);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from access_requests where tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(caller.tenant().value()));
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status)) {
                throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "unknown status '" + status + "'",
                        List.of(new FieldProblem("status", "must be one of " + STATUSES)));
            }
            sql.append(" and status = ?");
            params.add(status);
        }
        return listFor(caller, mine, sql, params);
    }

    /** Grants that are in force now (ACTIVE) or have ended by expiry (EXPIRED), newest first. */
    public List<AccessRequestView> grants(String state, boolean mine) {
        Caller caller = Caller.current(resolver);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from access_requests where tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(caller.tenant().value()));
        String s = state == null || state.isBlank() ? "ACTIVE" : state;
        switch (s) {
            case "ACTIVE" -> sql.append(" and status = 'APPROVED' and expires_at > ?");
            case "EXPIRED" -> sql.append(" and (status = 'EXPIRED' or (status = 'APPROVED' and expires_at <= ?))");
            default -> throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "unknown state '" + s + "'",
                    List.of(new FieldProblem("state", "must be ACTIVE or EXPIRED")));
        }
        params.add(Timestamp.from(clock.instant()));
        return listFor(caller, mine, sql, params);
    }

    private List<AccessRequestView> listFor(Caller caller, boolean mine, StringBuilder sql, List<Object> params) {
        if (mine || !caller.permissions().contains(Permission.ACCESS_APPROVE)) {
            sql.append(" and user_id = ?");
            params.add(caller.principal().userId().orElse(new UUID(0, 0)));
        }
        sql.append(" order by created_at desc limit 500");
        Instant now = clock.instant();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, now)).list();
    }

    private AccessRequestView pendingForDecision(Caller caller, UUID id) {
        AccessRequestView r = get(id);
        if (caller.isUser(r.userId())) {
            throw new CloudwardenException(IdentityErrorCode.SELF_APPROVAL_FORBIDDEN,
                    "nobody approves or denies their own access request");
        }
        if (!r.status().equals("PENDING")) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REQUEST_STATE, "the request is " + r.status() + ", not PENDING");
        }
        return r;
    }

    private AccessRequestView get(UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("select " + COLUMNS + " from access_requests where id = ?").param(id).query((rs, n) -> row(rs, now))
                .optional().orElseThrow(() -> new CloudwardenException(IdentityErrorCode.ACCESS_REQUEST_NOT_FOUND,
                        "access request " + id + " was not found"));
    }

    private static String comment(String comment, boolean required) {
        if (comment != null && comment.length() > 500) {
            throw CloudwardenException.invalid("the comment is too long", List.of(new FieldProblem("comment", "at most 500 characters")));
        }
        if (required && (comment == null || comment.isBlank())) {
            throw CloudwardenException.invalid("a comment is required", List.of(new FieldProblem("comment", "is required when denying")));
        }
        return comment == null || comment.isBlank() ? null : comment.trim();
    }

    private static AccessRequestView row(ResultSet rs, Instant now) throws SQLException {
        Instant expires = instant(rs.getTimestamp(12));
        String status = rs.getString(7);
        return new AccessRequestView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), status, status.equals("APPROVED") && expires != null && expires.isAfter(now),
                instant(rs.getTimestamp(8)), rs.getString(9), instant(rs.getTimestamp(10)), rs.getString(11), expires,
                rs.getString(13), instant(rs.getTimestamp(14)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
