package io.cloudwarden.identity.access;

import io.cloudwarden.identity.BuiltInRole;
import io.cloudwarden.identity.CustomRoleChanged;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles of the active tenant: the built-in ones and the tenant's custom roles ({@code custom:<slug>}). Nobody
 * defines a role with a permission they lack themselves, and a role still assigned to a user cannot be deleted.
 */
@Service
public class RoleCatalogue {

    static final Pattern CUSTOM_KEY = Pattern.compile("custom:[a-z0-9][a-z0-9-]{0,62}");

    private final JdbcClient jdbc;
    private final PermissionResolver resolver;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoleCatalogue(JdbcClient jdbc, PermissionResolver resolver, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.resolver = resolver;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Every role of {@code tenant}: built-in first, then custom by key. */
    public List<RoleView> list(TenantId tenant) {
        List<RoleView> result = new ArrayList<>();
        for (BuiltInRole r : BuiltInRole.values()) {
            result.add(new RoleView(r.key(), r.displayName(), r.description(), true, keys(r.permissions())));
        }
        result.addAll(jdbc.sql("select key, name, description, permissions from roles where tenant_id = ? order by key")
                .param(tenant.value())
                .query((rs, n) -> new RoleView(rs.getString(1), rs.getString(2), rs.getString(3), false,
                        List.of((String[]) rs.getArray(4).getArray())))
                .list());
        return result;
    }

    /** The role {@code key} of {@code tenant}, if it exists. */
    public Optional<RoleView> find(TenantId tenant, String key) {
        return list(tenant).stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** Defines a custom role; the key is {@code custom:<slug of the name>} unless given. */
    @Transactional
    public RoleView create(String key, String name, String description, List<String> permissions) {
        Caller caller = Caller.current(resolver);
        String roleKey = key == null || key.isBlank() ? "custom:" + slug(name) : key.trim();
        Set<Permission> perms = validate(roleKey, name, description, permissions);
        checkNoEscalation(caller, perms);
        try {
            jdbc.sql("insert into roles (tenant_id, key, name, description, permissions) values (?, ?, ?, ?, ?)")
                    .params(caller.tenant().value(), roleKey, name.trim(), description == null ? "" : description,
                            keys(perms).toArray(String[]::new)).update();
        } catch (DuplicateKeyException e) {
            throw new CloudwardenException(IdentityErrorCode.ROLE_EXISTS, "the role '" + roleKey + "' exists already");
        }
        publish(caller, roleKey, CustomRoleChanged.Change.CREATED, perms);
        return find(caller.tenant(), roleKey).orElseThrow();
    }

    /** Replaces a custom role's name, description and permissions. */
    @Transactional
    public RoleView update(String key, String name, String description, List<String> permissions) {
        Caller caller = Caller.current(resolver);
        requireCustom(caller.tenant(), key);
        Set<Permission> perms = validate(key, name, description, permissions);
        checkNoEscalation(caller, perms);
        checkNoEscalation(caller, resolver.permissionsOfRole(key, caller.tenant()));
        jdbc.sql("update roles set name = ?, description = ?, permissions = ?, updated_at = now() where tenant_id = ? and key = ?")
                .params(name.trim(), description == null ? "" : description, keys(perms).toArray(String[]::new),
                        caller.tenant().value(), key).update();
        publish(caller, key, CustomRoleChanged.Change.UPDATED, perms);
        return find(caller.tenant(), key).orElseThrow();
    }

    /** Deletes a custom role nobody holds (409 ROLE_IN_USE otherwise). */
    @Transactional
    public void delete(String key) {
        Caller caller = Caller.current(resolver);
        requireCustom(caller.tenant(), key);
        Set<Permission> perms = resolver.permissionsOfRole(key, caller.tenant());
        checkNoEscalation(caller, perms);
        long holders = jdbc.sql("select count(*) from users where tenant_id = ? and ? = any(roles)")
                .params(caller.tenant().value(), key).query(Long.class).single();
        if (holders > 0) {
            throw new CloudwardenException(IdentityErrorCode.ROLE_IN_USE,
                    "the role '" + key + "' is still assigned to " + holders + " user(s); remove it from them first");
        }
        jdbc.sql("delete from roles where tenant_id = ? and key = ?").params(caller.tenant().value(), key).update();
        publish(caller, key, CustomRoleChanged.Change.DELETED, perms);
    }

    /** Fails with 403 PRIVILEGE_ESCALATION unless {@code caller} holds every permission in {@code wanted}. */
    static void checkNoEscalation(Caller caller, Set<Permission> wanted) {
        EnumSet<Permission> missing = wanted.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(wanted);
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.PRIVILEGE_ESCALATION,
                    "you cannot hand out permissions you do not have yourself: " + keys(missing));
        }
    }

    private void requireCustom(TenantId tenant, String key) {
        if (BuiltInRole.fromKey(key).isPresent()) {
            throw new CloudwardenException(IdentityErrorCode.BUILT_IN_ROLE_IMMUTABLE, "built-in roles cannot be changed or deleted");
        }
        if (find(tenant, key).isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.ROLE_NOT_FOUND, "there is no role '" + key + "' in this tenant");
        }
    }

    private static Set<Permission> validate(String key, String name, String description, List<String> permissions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!CUSTOM_KEY.matcher(key).matches()) {
            problems.add(new FieldProblem("key", "must be custom:<slug>, the slug 1 to 63 lower-case letters, digits and dashes"));
        }
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters"));
        }
        if (description != null && description.length() > 500) {
            problems.add(new FieldProblem("description", "must be at most 500 characters"));
        }
        EnumSet<Permission> perms = EnumSet.noneOf(Permission.class);
        if (permissions == null || permissions.isEmpty()) {
            problems.add(new FieldProblem("permissions", "must name at least one permission"));
        } else {
            for (String p : permissions) {
                Permission.fromKey(p).ifPresentOrElse(perms::add,
                        () -> problems.add(new FieldProblem("permissions", "'" + p + "' is not a permission; see GET /api/v1/permissions")));
            }
        }
        if (!problems.isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.INVALID_ROLE, "the role is not valid", problems);
        }
        return perms;
    }

    private void publish(Caller caller, String key, CustomRoleChanged.Change change, Set<Permission> perms) {
        events.publishEvent(new CustomRoleChanged(caller.tenant(), key, change, keys(perms), caller.actor(), caller.sourceIp(),
                clock.instant()));
        resolver.invalidateAll();
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }

    static List<String> keys(Set<Permission> perms) {
        return Arrays.stream(Permission.values()).filter(perms::contains).map(Permission::key).toList();
    }
}
