package io.cloudwarden.identity.apikey;

import io.cloudwarden.identity.ApiKeyCreated;
import io.cloudwarden.identity.ApiKeyRevoked;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.internal.RoleGrants;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and authenticates API keys. A key never holds a role its creator may not grant
 * ({@link RoleGrants}); its expiry
 * is required and at most a year away. Personal keys belong to a user and are cut to that user's roles.
 */
@Service
public class ApiKeyService {

    /** How often at most a key's last-used time is written. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Per node: when each key's use was last written, so most requests skip even the throttled update. */
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiKeyService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** A created key: the secret {@code key} is returned this once and never stored. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    /**
     * Creates a key in the current tenant.
     *
     * @param creatorRoles the roles the creator holds; the key's roles must be among them
     * @param owner        the owning user for a personal key, {@code null} for a tenant service-account key
     */
    @Transactional
    public CreatedKey create(String name, List<String> roles, Instant expiresAt, Collection<String> creatorRoles, UUID owner) {
        TenantId tenant = TenantContext.require();
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            problems.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        List<String> wanted = roles == null ? List.of() : List.copyOf(new LinkedHashSet<>(roles));
        if (wanted.isEmpty()) {
            problems.add(new FieldProblem("roles", "must name at least one role"));
        }
        Instant now = clock.instant();
        Instant max = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant().plus(CLOCK_SLACK);
        if (expiresAt == null) {
            problems.add(new FieldProblem("expiresAt", "is required (at most one year from now)"));
        } else if (!expiresAt.isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "must be in the future"));
        } else if (expiresAt.isAfter(max)) {
            problems.add(new FieldProblem("expiresAt", "must be at most one year from now"));
        }
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("invalid API key", problems);
        }
        List<FieldProblem> unknown = wanted.stream().filter(r -> !RoleGrants.isRoleKey(r))
                .map(r -> new FieldProblem("roles", "'" + r + "' is not a role key")).toList();
        if (!unknown.isEmpty()) {
            throw CloudwardenException.invalid("invalid API key", unknown);
        }
        List<String> lacking = RoleGrants.notGrantable(creatorRoles, wanted);
        if (!lacking.isEmpty()) {
            throw new CloudwardenException(IdentityErrorCode.ROLE_ESCALATION,
                    "a key cannot hold roles you do not have: " + String.join(", ", lacking));
        }
        String secret = ApiKeySecret.generate();
        UUID id = UUID.randomUUID();
        String actor = RequestActor.actor();
        jdbc.sql("""
                        insert into api_keys (id, tenant_id, name, prefix, secret_hash, roles, owner_user_id, created_by, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant.value(), trimmed, ApiKeySecret.displayPrefix(secret), ApiKeySecret.hash(secret),
                        wanted.toArray(String[]::new), owner, actor, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        ApiKey key = find(id).orElseThrow();
        events.publishEvent(new ApiKeyCreated(tenant, id, trimmed, key.prefix(), wanted, expiresAt, owner != null, actor,
                RequestActor.sourceIp(), now));
        return new CreatedKey(key, secret);
    }

    /** Keys of the current tenant, newest first; only {@code owner}'s when it is given. */
    public List<ApiKey> list(UUID owner) {
        return jdbc.sql(SELECT + (owner == null ? "" : " where owner_user_id = :owner") + " order by created_at desc, id")
                .params(owner == null ? Map.<String, Object>of() : Map.<String, Object>of("owner", owner))
                .query(ApiKeyService::row).list();
    }

    /** Revokes a key of the current tenant (only {@code owner}'s when it is given); revoking twice is harmless. */
    @Transactional
    public void revoke(UUID id, UUID owner) {
        ApiKey key = find(id).filter(k -> owner == null || owner.equals(k.ownerUserId()))
                .orElseThrow(() -> CloudwardenException.notFound("API key", id));
        if (key.revokedAt() != null) {
            return;
        }
        String actor = RequestActor.actor();
        Instant now = clock.instant();
        jdbc.sql("update api_keys set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(now), actor, id).update();
        lastTouched.remove(id);
        events.publishEvent(new ApiKeyRevoked(TenantContext.require(), id, key.name(), key.prefix(), actor, RequestActor.sourceIp(), now));
    }

    /** The authentication for {@code secret}, or empty when it is malformed, unknown, expired or revoked. */
    public Optional<ApiKeyAuthentication> authenticate(String secret) {
        if (!ApiKeySecret.wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKeyAuthentication> found = jdbc.sql(
                        "select id, tenant_id, roles, expires_at, revoked_at, usable_owner from cw_api_key_lookup(?)")
                .param(ApiKeySecret.hash(secret))
                .query((rs, n) -> {
                    boolean usable = rs.getTimestamp(5) == null && rs.getTimestamp(4).toInstant().isAfter(now) && rs.getBoolean(6);
                    List<String> roles = List.of((String[]) rs.getArray(3).getArray());
                    return usable && !roles.isEmpty()
                            ? new ApiKeyAuthentication(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)), roles)
                            : null;
                })
                .optional();
        found.ifPresent(auth -> touch(auth.keyId(), now));
        return found;
    }

    private void touch(UUID id, Instant now) {
        Instant previous = lastTouched.get(id);
        if (previous != null && previous.plus(TOUCH_INTERVAL).isAfter(now)) {
            return;
        }
        lastTouched.put(id, now);
        jdbc.sql("select cw_api_key_touch(?)").param(id).query(rs -> { });
    }

    private Optional<ApiKey> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ApiKeyService::row).optional();
    }

    private static final String SELECT = """
            select id, name, roles, prefix, created_at, expires_at, last_used_at, revoked_at, created_by, owner_user_id
            from api_keys""";

    private static ApiKey row(ResultSet rs, int n) throws SQLException {
        return new ApiKey(rs.getObject(1, UUID.class), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getString(9), rs.getObject(10, UUID.class));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
