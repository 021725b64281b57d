package io.cloudwarden.console;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.identity.AccessControl;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.identity.Tenant;
import io.cloudwarden.identity.TenantHierarchy;
import io.cloudwarden.shared.web.RequestActor;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The signed-in user, the areas the console shows, and the user's preferences. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "console", description = "The signed-in user and their console preferences")
class MeController {

    /**
     * The console areas whose modules exist in this build; the console hides the others. Monitoring,
     * governance, resilience and admin join this list as their modules land.
     */
    static final List<String> AREAS = List.of("overview", "inventory", "cost", "accounts", "audit");

    /** The permission each area needs to be shown (an area without an entry is always shown). */
    static final Map<String, Permission> AREA_PERMISSIONS = Map.of(
            "inventory", Permission.INVENTORY_READ,
            "accounts", Permission.ACCOUNTS_READ,
            "audit", Permission.AUDIT_READ,
            "cost", Permission.COST_READ);

    static final int MAX_PREFERENCE_BYTES = 16 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    /** A tenant the user may switch to; {@code parentId} is null for the root of the user's tree. */
    record TenantRef(UUID id, String name, String kind, UUID parentId) {
    }

    /**
     * The user. {@code tenantId}/{@code tenantName} are the active tenant (same as {@code activeTenantId});
     * {@code tenants} are the home tenant and its descendants, parents first; {@code areas} are the console areas
     * the user's permissions open.
     */
    record Me(UUID userId, String username, UUID tenantId, String tenantName, UUID homeTenantId, UUID activeTenantId,
              List<TenantRef> tenants, List<String> areas, List<String> permissions, boolean mfaEnabled) {
    }

    private final IdentityManagement identity;
    private final TenantHierarchy hierarchy;
    private final AccessControl access;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    MeController(IdentityManagement identity, TenantHierarchy hierarchy, AccessControl access, JdbcClient jdbc) {
        this.identity = identity;
        this.hierarchy = hierarchy;
        this.access = access;
        this.jdbc = jdbc;
    }

    @RequiresPermission(Permission.SELF_MANAGE)
    @GetMapping
    @Operation(summary = "The signed-in user, their tenant (and the tenants they may switch to), their effective permissions, and the console areas they may use")
    Me me(@AuthenticationPrincipal Jwt user) {
        TenantId tenant = TenantContext.require();
        TenantId home = RequestActor.homeTenant().orElse(tenant);
        List<TenantRef> tenants = hierarchy.subtree(home).stream()
                .map(t -> new TenantRef(t.id().value(), t.name(), t.kind(), t.parentId() == null || t.id().equals(home) ? null
                        : t.parentId().value()))
                .toList();
        String tenantName = tenants.stream().filter(t -> t.id().equals(tenant.value())).map(TenantRef::name).findFirst()
                .orElseGet(() -> identity.findTenant(tenant).map(Tenant::name).orElse(tenant.toString()));
        Set<Permission> permissions = access.currentPermissions();
        List<String> areas = AREAS.stream()
                .filter(a -> !AREA_PERMISSIONS.containsKey(a) || permissions.contains(AREA_PERMISSIONS.get(a))).toList();
        UUID userId = userId(user);
        return new Me(userId, user.getClaimAsString("preferred_username"), tenant.value(), tenantName, home.value(), tenant.value(),
                tenants, areas, permissions.stream().map(Permission::key).sorted().toList(), identity.mfaEnabled(userId));
    }

    @RequiresPermission(Permission.SELF_MANAGE)
    @GetMapping("/preferences/{key}")
    @Operation(summary = "One of the user's console preferences (a JSON document), e.g. overview.layout")
    JsonNode preference(@PathVariable String key, @AuthenticationPrincipal Jwt user) {
        checkKey(key);
        TenantId tenant = TenantContext.require();
        return jdbc.sql("select value::text from user_preferences where tenant_id = ? and user_id = ? and key = ?")
                .params(tenant.value(), userId(user), key).query(String.class).optional()
                .map(json::readTree)
                .orElseThrow(() -> new CloudwardenException(ConsoleErrorCode.PREFERENCE_NOT_FOUND,
                        "no preference '" + key + "' is stored for this user"));
    }

    @RequiresPermission(Permission.SELF_MANAGE)
    @PutMapping("/preferences/{key}")
    @Operation(summary = "Store one of the user's console preferences (any JSON document up to 16 KB)")
    JsonNode store(@PathVariable String key, @RequestBody JsonNode value, @AuthenticationPrincipal Jwt user) {
        checkKey(key);
        String text = json.writeValueAsString(value);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PREFERENCE_BYTES) {
            throw CloudwardenException.invalid("the preference is too large",
                    List.of(new FieldProblem("value", "must be at most " + MAX_PREFERENCE_BYTES + " bytes of JSON")));
        }
        TenantId tenant = TenantContext.require();
        jdbc.sql("""
                        insert into user_preferences (tenant_id, user_id, key, value) values (?, ?, ?, ?::jsonb)
                        on conflict (tenant_id, user_id, key) do update set value = excluded.value, updated_at = now()""")
                .params(tenant.value(), userId(user), key, text).update();
        return value;
    }

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new CloudwardenException(ConsoleErrorCode.INVALID_PREFERENCE,
                    "a preference key is 1 to 64 lower-case letters, digits, dots and dashes, starting with a letter or digit");
        }
    }

    /** The signed-in user's id; API keys have no profile or preferences. */
    private static UUID userId(Jwt user) {
        if (user == null) {
            throw new CloudwardenException(io.cloudwarden.shared.CommonErrorCode.FORBIDDEN,
                    "this endpoint is for signed-in users; an API key has no profile or preferences");
        }
        return UUID.fromString(user.getSubject());
    }
}
