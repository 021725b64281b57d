package io.cloudwarden.identity.web;

import io.cloudwarden.identity.access.AccessRequestView;
import io.cloudwarden.identity.access.AccessRequests;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Just-in-time elevation: requests, decisions, revocation, and the grants they became. */
@RestController
@Tag(name = "access", description = "Just-in-time elevation and access reviews")
class AccessRequestsController {

    private final AccessRequests requests;

    AccessRequestsController(AccessRequests requests) {
        this.requests = requests;
    }

    @RequiresPermission(Permission.ACCESS_REQUEST)
    @PostMapping("/api/v1/access/requests")
    @Operation(summary = "Ask for a role for durationMinutes (15 to 480) with a reason (required, at most 500 characters)")
    ResponseEntity<AccessRequestView> request(@RequestBody NewRequest body) {
        AccessRequestView created = requests.request(body.role(), body.durationMinutes(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/access/requests/" + created.id())).body(created);
    }

    @RequiresPermission(Permission.ACCESS_REQUEST)
    @GetMapping("/api/v1/access/requests")
    @Operation(summary = "Requests, newest first, by status; mine=true for one's own (always so without access:approve)")
    List<AccessRequestView> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean mine) {
        return requests.list(status, mine);
    }

    @RequiresPermission(Permission.ACCESS_APPROVE)
    @PostMapping("/api/v1/access/requests/{id}/approve")
    @Operation(summary = "Approve someone else's pending request (own: 403 SELF_APPROVAL_FORBIDDEN); active from now")
    AccessRequestView approve(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
        return requests.approve(id, body == null ? null : body.comment());
    }

    @RequiresPermission(Permission.ACCESS_APPROVE)
    @PostMapping("/api/v1/access/requests/{id}/deny")
    @Operation(summary = "Deny someone else's pending request, with a comment")
    AccessRequestView deny(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
        return requests.deny(id, body == null ? null : body.comment());
    }

    @RequiresPermission(Permission.ACCESS_REQUEST)
    @PostMapping("/api/v1/access/requests/{id}/revoke")
    @Operation(summary = "Withdraw a pending request or end an active grant early (the requester, or an approver)")
    AccessRequestView revoke(@PathVariable UUID id) {
        return requests.revoke(id);
    }

    @RequiresPermission(Permission.ACCESS_REQUEST)
    @GetMapping("/api/v1/access/grants")
    @Operation(summary = "Grants in force (state=ACTIVE) or ended by expiry (EXPIRED); one's own without access:approve")
    List<AccessRequestView> grants(@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean mine) {
        return requests.grants(state, mine);
    }

    record NewRequest(String role, Integer durationMinutes, String reason) {
    }

    record Decision(String comment) {
    }
}
