package io.cloudwarden.identity.web;

import io.cloudwarden.identity.apikey.ApiKey;
import io.cloudwarden.identity.apikey.ApiKeyService;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenant service-account API keys ({@code /api/v1/api-keys}) and personal keys ({@code /api/v1/me/api-keys}).
 * The secret is in the create response only. A key never holds a role its creator lacks.
 */
@RestController
@Tag(name = "api-keys", description = "Service-account and personal API keys (Authorization: ApiKey cw_...)")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @GetMapping("/api/v1/api-keys")
    @RequiresPermission(Permission.IDENTITY_MANAGE_API_KEYS)
    @Operation(summary = "The tenant's API keys (service-account and personal), never their secrets")
    List<KeyView> list() {
        return keys.list(null).stream().map(KeyView::of).toList();
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.IDENTITY_MANAGE_API_KEYS)
    @Operation(summary = "Create a service-account key; the key is in this response only")
    CreatedView create(@RequestBody CreateRequest request, Authentication auth) {
        return CreatedView.of(keys.create(request.name(), request.roles(), request.expiresAt(), roles(auth), null));
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.IDENTITY_MANAGE_API_KEYS)
    @Operation(summary = "Revoke a key of the tenant; requests with it are refused from now on")
    void revoke(@PathVariable UUID id) {
        keys.revoke(id, null);
    }

    @GetMapping("/api/v1/me/api-keys")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "My personal API keys")
    List<KeyView> listMine(Authentication auth) {
        return keys.list(userId(auth)).stream().map(KeyView::of).toList();
    }

    @PostMapping("/api/v1/me/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Create a personal key limited to my own roles; the key is in this response only")
    CreatedView createMine(@RequestBody CreateRequest request, Authentication auth) {
        return CreatedView.of(keys.create(request.name(), request.roles(), request.expiresAt(), roles(auth), userId(auth)));
    }

    @DeleteMapping("/api/v1/me/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Revoke one of my personal keys")
    void revokeMine(@PathVariable UUID id, Authentication auth) {
        keys.revoke(id, userId(auth));
    }

    private static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList();
    }

    private static UUID userId(Authentication auth) {
        if (auth.getPrincipal() instanceof Jwt jwt) {
            return UUID.fromString(jwt.getSubject());
        }
        throw new CloudwardenException(CommonErrorCode.FORBIDDEN, "personal API keys belong to users; sign in as a user");
    }

    record CreateRequest(String name, List<String> roles, Instant expiresAt) {
    }

    record KeyView(UUID id, String name, List<String> roles, String prefix, Instant createdAt, Instant expiresAt,
                   Instant lastUsedAt, Instant revokedAt, String createdBy) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), k.roles(), k.prefix(), k.createdAt(), k.expiresAt(), k.lastUsedAt(),
                    k.revokedAt(), k.createdBy());
        }
    }

    /** The create response: {@code key} is the secret, shown this once. */
    record CreatedView(UUID id, String name, List<String> roles, Instant expiresAt, String prefix, String key) {
        static CreatedView of(ApiKeyService.CreatedKey c) {
            return new CreatedView(c.key().id(), c.key().name(), c.key().roles(), c.key().expiresAt(), c.key().prefix(), c.secret());
        }
    }
}
