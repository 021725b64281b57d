package io.cloudwarden.identity.access;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.RoleAssignmentChanged;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists the users of the active tenant and changes their display name and roles. Role changes follow two
 * rules: nobody changes their own roles, and nobody adds or removes a role with a permission they lack.
 */
@Service
public class UserAdministration {

    private static final String SORT = "username";
    private static final String COLUMNS = "id, username, display_name, roles, enabled, last_login_at, created_at";

    private final JdbcClient jdbc;
    private final PermissionResolver resolver;
    private final RoleCatalogue roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(JdbcClient jdbc, PermissionResolver resolver, RoleCatalogue roles, ApplicationEventPublisher events,
                       ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.resolver = resolver;
        this.roles = roles;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A page of the tenant's users by username; {@code q} matches username or display name. */
    public CursorPage<UserView> list(TenantId tenant, String q, String status, String role, String cursor, int limit) {
        if (limit < 1 || limit > 500) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "limit must be between 1 and 500",
                    List.of(new FieldProblem("limit", "must be between 1 and 500")));
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from users where tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (q != null && !q.isBlank()) {
            sql.append(" and (username ilike ? or coalesce(display_name, '') ilike ?)");
            String like = "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (status != null && !status.isBlank()) {
            switch (status) {
                case "ACTIVE" -> sql.append(" and enabled");
                case "DEACTIVATED" -> sql.append(" and not enabled");
                case "INVITED", "LOCKED" -> sql.append(" and false");
                default -> throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "unknown status '" + status + "'",
                        List.of(new FieldProblem("status", "must be ACTIVE, INVITED, DEACTIVATED or LOCKED")));
            }
        }
        if (role != null && !role.isBlank()) {
            sql.append(" and ? = any(roles)");
            params.add(role);
        }
        if (cursor != null && !cursor.isBlank()) {
            sql.append(" and username > ?");
            params.add(Cursors.decode(cursor, SORT, 1).get(0));
        }
        sql.append(" order by username limit ?");
        params.add(limit + 1);
        List<UserView> rows = jdbc.sql(sql.toString()).params(params).query(UserAdministration::row).list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<UserView> page = rows.subList(0, limit);
        return new CursorPage<>(page, Cursors.encode(SORT, List.of(page.get(limit - 1).username())));
    }

    /** The user {@code id} of {@code tenant}. */
    public Optional<UserView> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query(UserAdministration::row).optional();
    }

    /** Changes display name and/or roles (null leaves a field as it is). */
    @Transactional
    public UserView update(UUID id, String displayName, List<String> newRoles) {
        Caller caller = Caller.current(resolver);
        UserView user = find(caller.tenant(), id).orElseThrow(() -> notFound(id));
        if (displayName != null) {
            if (displayName.length() > 200) {
                throw CloudwardenException.invalid("invalid user", List.of(new FieldProblem("displayName", "must be at most 200 characters")));
            }
            jdbc.sql("update users set display_name = ? where tenant_id = ? and id = ?")
                    .params(displayName.isBlank() ? null : displayName.trim(), caller.tenant().value(), id).update();
        }
        if (newRoles != null && !new LinkedHashSet<>(newRoles).equals(new LinkedHashSet<>(user.roles()))) {
            changeRoles(caller, user, List.copyOf(new LinkedHashSet<>(newRoles)), "admin");
        }
        return find(caller.tenant(), id).orElseThrow();
    }

    /**
     * Sets {@code user}'s roles to {@code after} on behalf of {@code caller}, enforcing separation of duties and no
     * escalation, and publishes {@link RoleAssignmentChanged} with {@code reason}.
     */
    void changeRoles(Caller caller, UserView user, List<String> after, String reason) {
        if (caller.isUser(user.id())) {
            throw new CloudwardenException(IdentityErrorCode.SELF_ROLE_CHANGE_FORBIDDEN,
                    "nobody changes their own roles; ask another administrator");
        }
        List<FieldProblem> unknown = after.stream().filter(r -> roles.find(caller.tenant(), r).isEmpty())
                .map(r -> new FieldProblem("roles", "'" + r + "' is not a role of this tenant")).toList();
        if (!unknown.isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.UNKNOWN_ROLE, "unknown role", unknown);
        }
        EnumSet<Permission> touched = EnumSet.noneOf(Permission.class);
        for (String r : after) {
            if (!user.roles().contains(r)) {
                touched.addAll(resolver.permissionsOfRole(r, caller.tenant()));
            }
        }
        for (String r : user.roles()) {
            if (!after.contains(r)) {
                touched.addAll(resolver.permissionsOfRole(r, caller.tenant()));
            }
        }
        RoleCatalogue.checkNoEscalation(caller, touched);
        jdbc.sql("update users set roles = ? where tenant_id = ? and id = ?")
                .params(after.toArray(String[]::new), caller.tenant().value(), user.id()).update();
        events.publishEvent(new RoleAssignmentChanged(caller.tenant(), user.id(), user.roles(), after, reason, caller.actor(),
                caller.sourceIp(), clock.instant()));
        resolver.invalidateAll();
    }

    static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(IdentityErrorCode.USER_NOT_FOUND, "user " + id + " was not found");
    }

    private static UserView row(ResultSet rs, int n) throws SQLException {
        List<String> roleKeys = List.of((String[]) rs.getArray(4).getArray());
        return new UserView(rs.getObject(1, UUID.class), rs.getString(2), null, rs.getString(3), roleKeys,
                rs.getBoolean(5) ? "ACTIVE" : "DEACTIVATED", false,
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
    }

    /** The permissions a set of role keys grants in {@code tenant}. */
    Set<Permission> permissionsOf(List<String> roleKeys, TenantId tenant) {
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        roleKeys.forEach(r -> result.addAll(resolver.permissionsOfRole(r, tenant)));
        return result;
    }
}
