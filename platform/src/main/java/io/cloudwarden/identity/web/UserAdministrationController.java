package io.cloudwarden.identity.web;

import io.cloudwarden.identity.internal.InvitationService;
import io.cloudwarden.identity.internal.UserLifecycle;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.shared.web.RequestActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations and the account lifecycle of the active tenant's users (deactivate, reactivate, unlock). */
@RestController
@Tag(name = "users", description = "Users, invitations and their lifecycle")
class UserAdministrationController {

    private final InvitationService invitations;
    private final UserLifecycle lifecycle;

    UserAdministrationController(InvitationService invitations, UserLifecycle lifecycle) {
        this.invitations = invitations;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/api/v1/invitations")
    @RequiresPermission(Permission.IDENTITY_READ_USERS)
    @Operation(summary = "Invitations of the active tenant, newest first")
    List<InvitationService.InvitationView> invitations() {
        return invitations.list();
    }

    @PostMapping("/api/v1/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.IDENTITY_MANAGE_USERS)
    @Operation(summary = "Invite someone by email with roles; the mailed link works once, for 7 days")
    InvitationService.InvitationView invite(@Valid @RequestBody InviteRequest request) {
        return invitations.invite(request.email(), request.roles(), request.displayName(), RequestActor.actor(), RequestActor.sourceIp());
    }

    @DeleteMapping("/api/v1/invitations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.IDENTITY_MANAGE_USERS)
    @Operation(summary = "Withdraw a pending invitation")
    void revokeInvitation(@PathVariable UUID id) {
        invitations.revoke(id, RequestActor.actor(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/users/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.IDENTITY_MANAGE_USERS)
    @Operation(summary = "Deactivate a user: no login or refresh, and every session ends now")
    void deactivate(@PathVariable UUID id) {
        lifecycle.deactivate(id, RequestActor.actor(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/users/{id}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.IDENTITY_MANAGE_USERS)
    @Operation(summary = "Reactivate a deactivated user")
    void reactivate(@PathVariable UUID id) {
        lifecycle.reactivate(id, RequestActor.actor(), RequestActor.sourceIp());
    }

    @PostMapping("/api/v1/users/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.IDENTITY_MANAGE_USERS)
    @Operation(summary = "Lift a user's login lock")
    void unlock(@PathVariable UUID id) {
        lifecycle.unlock(id, RequestActor.actor(), RequestActor.sourceIp());
    }

    record InviteRequest(@NotBlank String email, List<String> roles, String displayName) {
    }
}
