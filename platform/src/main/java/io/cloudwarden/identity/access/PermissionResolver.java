package io.cloudwarden.identity.access;

import io.cloudwarden.identity.BuiltInRole;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Resolves a caller's effective permissions in the active tenant, server-side, on every request: the union of
 * the permissions of their roles ({@code users.roles}, or an API key's roles) and of their active just-in-time
 * grants. Results are cached per (principal, tenant) for at most {@code permissionCacheTtl} and dropped on
 * every local role or grant change; grant expiry is checked against the clock on every call, so an expired
 * grant stops working at once even from the cache.
 */
@Component
public class PermissionResolver {

    private static final int MAX_ENTRIES = 50_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    PermissionResolver(JdbcClient jdbc, ObjectProvider<Clock> clock, AccessProperties props) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.ttl = props.permissionCacheTtl();
    }

    /** The effective permissions of {@code principal} in {@code tenant}. */
    public Set<Permission> permissions(Principal principal, TenantId tenant) {
        Instant now = clock.instant();
        String key = principal.name() + "|" + tenant;
        Entry entry = cache.get(key);
        if (entry == null || entry.loadedAt().plus(ttl).isBefore(now)) {
            entry = load(principal, tenant, now);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear(); // crude bound: a full reload costs one query per active principal
            }
            cache.put(key, entry);
        }
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        result.addAll(entry.base());
        for (Grant g : entry.grants()) {
            if (g.expiresAt().isAfter(now)) {
                result.addAll(g.permissions());
            }
        }
        return result;
    }

    /** The permissions of role {@code key} as defined for {@code tenant}; empty when the role does not exist. */
    public Set<Permission> permissionsOfRole(String key, TenantId tenant) {
        Optional<BuiltInRole> builtIn = BuiltInRole.fromKey(key);
        if (builtIn.isPresent()) {
            return builtIn.get().permissions();
        }
        if (!key.startsWith("custom:")) {
            return Set.of();
        }
        return TenantContext.callAs(tenant, () -> jdbc.sql("select permissions from roles where tenant_id = ? and key = ?")
                .params(tenant.value(), key)
                .query((rs, n) -> toPermissions(List.of((String[]) rs.getArray(1).getArray()))).optional()
                .orElse(Set.of()));
    }

    /**
     * Forgets every cached resolution (after a role, role assignment or grant change on this node): now, and again
     * after the surrounding transaction commits, so no request caches the state from before the commit.
     */
    public void invalidateAll() {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.clear();
                }
            });
        }
    }

    private Entry load(Principal principal, TenantId tenant, Instant now) {
        if (principal.userId().isEmpty()) {
            return new Entry(now, union(principal.keyRoles(), tenant), List.of());
        }
        UUID user = principal.userId().get();
        var access = jdbc.sql("select tenant_id, roles, enabled from cw_user_access(?)").param(user)
                .query((rs, n) -> new UserAccess(new TenantId(rs.getObject(1, UUID.class)),
                        List.of((String[]) rs.getArray(2).getArray()), rs.getBoolean(3)))
                .optional();
        if (access.isEmpty() || !access.get().enabled()) {
            return new Entry(now, Set.of(), List.of());
        }
        Set<Permission> base = union(access.get().roles(), access.get().home());
        List<Grant> grants = TenantContext.callAs(tenant, () -> jdbc.sql("""
                        select role, expires_at from access_requests
                        where tenant_id = ? and user_id = ? and status = 'APPROVED' and expires_at > ?""")
                .params(tenant.value(), user, java.sql.Timestamp.from(now))
                .query((rs, n) -> new Grant(rs.getTimestamp(2).toInstant(), permissionsOfRole(rs.getString(1), tenant)))
                .list());
        return new Entry(now, base, grants);
    }

    private Set<Permission> union(Collection<String> roles, TenantId tenant) {
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        for (String role : roles) {
            result.addAll(permissionsOfRole(role, tenant));
        }
        return result;
    }

    static Set<Permission> toPermissions(Collection<String> keys) {
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        keys.forEach(k -> Permission.fromKey(k).ifPresent(result::add));
        return result;
    }

    private record UserAccess(TenantId home, List<String> roles, boolean enabled) {
    }

    private record Grant(Instant expiresAt, Set<Permission> permissions) {
    }

    private record Entry(Instant loadedAt, Set<Permission> base, List<Grant> grants) {
    }
}
