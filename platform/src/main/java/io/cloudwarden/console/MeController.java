package io.cloudwarden.console;

import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.identity.Tenant;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    static final int MAX_PREFERENCE_BYTES = 16 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    record TenantRef(UUID id, String name) {
    }

    record Me(UUID userId, String username, UUID tenantId, String tenantName, List<TenantRef> tenants, List<String> areas) {
    }

    private final IdentityManagement identity;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    MeController(IdentityManagement identity, JdbcClient jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "The signed-in user, their tenant (and the tenants they may switch to), and the console areas")
    Me me(@AuthenticationPrincipal Jwt user) {
        TenantId tenant = TenantContext.require();
        String tenantName = identity.findTenant(tenant).map(Tenant::name).orElse(tenant.toString());
        return new Me(UUID.fromString(user.getSubject()), user.getClaimAsString("preferred_username"), tenant.value(),
                tenantName, List.of(new TenantRef(tenant.value(), tenantName)), AREAS);
    }

    @GetMapping("/preferences/{key}")
    @Operation(summary = "One of the user's console preferences (a JSON document), e.g. overview.layout")
    JsonNode preference(@PathVariable String key, @AuthenticationPrincipal Jwt user) {
        checkKey(key);
        TenantId tenant = TenantContext.require();
        return jdbc.sql("select value::text from user_preferences where tenant_id = ? and user_id = ? and key = ?")
                .params(tenant.value(), UUID.fromString(user.getSubject()), key).query(String.class).optional()
                .map(json::readTree)
                .orElseThrow(() -> new CloudwardenException(ConsoleErrorCode.PREFERENCE_NOT_FOUND,
                        "no preference '" + key + "' is stored for this user"));
    }

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
                .params(tenant.value(), UUID.fromString(user.getSubject()), key, text).update();
        return value;
    }

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new CloudwardenException(ConsoleErrorCode.INVALID_PREFERENCE,
                    "a preference key is 1 to 64 lower-case letters, digits, dots and dashes, starting with a letter or digit");
        }
    }
}
