package io.cloudwarden.identity.web;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.access.RoleCatalogue;
import io.cloudwarden.identity.access.RoleView;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The permission vocabulary and the tenant's roles (built-in and custom). */
@RestController
@Tag(name = "roles", description = "Permissions, built-in roles and the tenant's custom roles")
class RolesController {

    private final RoleCatalogue roles;

    RolesController(RoleCatalogue roles) {
        this.roles = roles;
    }

    @RequiresPermission(Permission.IDENTITY_READ_USERS)
    @GetMapping("/api/v1/permissions")
    @Operation(summary = "Every permission roles are made of")
    List<PermissionView> permissions() {
        return Arrays.stream(Permission.values()).map(p -> new PermissionView(p.key(), p.description())).toList();
    }

    @RequiresPermission(Permission.IDENTITY_READ_USERS)
    @GetMapping("/api/v1/roles")
    @Operation(summary = "Built-in roles and the tenant's custom roles, with their permissions")
    List<RoleView> list() {
        return roles.list(TenantContext.require());
    }

    @RequiresPermission(Permission.IDENTITY_READ_USERS)
    @GetMapping("/api/v1/roles/{key}")
    @Operation(summary = "One role")
    RoleView get(@PathVariable String key) {
        return roles.find(TenantContext.require(), key)
                .orElseThrow(() -> new CloudwardenException(IdentityErrorCode.ROLE_NOT_FOUND, "there is no role '" + key + "'"));
    }

    @RequiresPermission(Permission.IDENTITY_MANAGE_ROLES)
    @PostMapping("/api/v1/roles")
    @Operation(summary = "Define a custom role (key custom:<slug>, derived from the name when absent); only with "
            + "permissions the caller holds (403 PRIVILEGE_ESCALATION)")
    ResponseEntity<RoleView> create(@RequestBody RoleCommand command) {
        RoleView created = roles.create(command.key(), command.name(), command.description(), command.permissions());
        return ResponseEntity.created(URI.create("/api/v1/roles/" + created.key())).body(created);
    }

    @RequiresPermission(Permission.IDENTITY_MANAGE_ROLES)
    @PutMapping("/api/v1/roles/{key}")
    @Operation(summary = "Replace a custom role's name, description and permissions (built-in roles: 409)")
    RoleView update(@PathVariable String key, @RequestBody RoleCommand command) {
        return roles.update(key, command.name(), command.description(), command.permissions());
    }

    @RequiresPermission(Permission.IDENTITY_MANAGE_ROLES)
    @DeleteMapping("/api/v1/roles/{key}")
    @Operation(summary = "Delete a custom role; 409 ROLE_IN_USE while any user holds it")
    ResponseEntity<Void> delete(@PathVariable String key) {
        roles.delete(key);
        return ResponseEntity.noContent().build();
    }

    record PermissionView(String key, String description) {
    }

    record RoleCommand(String key, String name, String description, List<String> permissions) {
    }
}
