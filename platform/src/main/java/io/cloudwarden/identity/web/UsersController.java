package io.cloudwarden.identity.web;

import io.cloudwarden.identity.access.UserAdministration;
import io.cloudwarden.identity.access.UserView;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The active tenant's users: list, one, and changes of display name and roles. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Users of the tenant and their roles")
class UsersController {

    private final UserAdministration users;

    UsersController(UserAdministration users) {
        this.users = users;
    }

    @RequiresPermission(Permission.IDENTITY_READ_USERS)
    @GetMapping
    @Operation(summary = "Users by username; q matches username or display name; status ACTIVE|INVITED|DEACTIVATED|LOCKED; "
            + "role a role key; cursor paged")
    CursorPage<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                              @RequestParam(required = false) String role, @RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "50") int limit) {
        return users.list(TenantContext.require(), q, status, role, cursor, limit);
    }

    @RequiresPermission(Permission.IDENTITY_READ_USERS)
    @GetMapping("/{id}")
    @Operation(summary = "One user")
    UserView get(@PathVariable UUID id) {
        return users.find(TenantContext.require(), id).orElseThrow(() -> new io.cloudwarden.shared.CloudwardenException(
                io.cloudwarden.identity.IdentityErrorCode.USER_NOT_FOUND, "user " + id + " was not found"));
    }

    @RequiresPermission(Permission.IDENTITY_MANAGE_USERS)
    @PatchMapping("/{id}")
    @Operation(summary = "Change a user's display name and/or roles. Nobody changes their own roles (403 "
            + "SELF_ROLE_CHANGE_FORBIDDEN) or adds/removes a role with permissions they lack (403 PRIVILEGE_ESCALATION)")
    UserView update(@PathVariable UUID id, @RequestBody UserPatch patch) {
        return users.update(id, patch.displayName(), patch.roles());
    }

    /** Fields to change; absent (null) fields stay as they are. */
    record UserPatch(String displayName, List<String> roles) {
    }
}
