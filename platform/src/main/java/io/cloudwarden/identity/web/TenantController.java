package io.cloudwarden.identity.web;

import io.cloudwarden.identity.Tenant;
import io.cloudwarden.identity.TenantHierarchy;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.shared.web.RequestActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant tree: list what the caller may act in, create children of the active tenant, rename. */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "tenants", description = "The tenant hierarchy MSP > CUSTOMER > BUSINESS_UNIT")
class TenantController {

    private final TenantHierarchy hierarchy;

    TenantController(TenantHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    record TenantView(UUID id, String name, String kind, UUID parentId, Instant createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.name(), t.kind(), t.parentId() == null ? null : t.parentId().value(), t.createdAt());
        }
    }

    record CreateTenant(String name, String kind) {
    }

    record RenameTenant(String name) {
    }

    @GetMapping
    @RequiresPermission(Permission.TENANT_READ)
    @Operation(summary = "The tenants the caller may act in: the home tenant and all its descendants, parents first")
    List<TenantView> list() {
        TenantId home = RequestActor.homeTenant().orElseGet(TenantContext::require);
        // the root of the caller's tree shows no parent: an ancestor is outside what the caller may see
        return hierarchy.subtree(home).stream().map(t -> t.id().equals(home)
                ? new TenantView(t.id().value(), t.name(), t.kind(), null, t.createdAt()) : TenantView.of(t)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.TENANT_MANAGE_CHILDREN)
    @Operation(summary = "Create a child of the active tenant: an MSP may create CUSTOMERs, a CUSTOMER BUSINESS_UNITs")
    TenantView create(@RequestBody CreateTenant body) {
        return TenantView.of(hierarchy.createChild(TenantContext.require(), body.name(), body.kind()));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.TENANT_MANAGE_CHILDREN)
    @Operation(summary = "Rename the active tenant or one below it")
    TenantView rename(@PathVariable UUID id, @RequestBody RenameTenant body) {
        return TenantView.of(hierarchy.rename(TenantContext.require(), new TenantId(id), body.name()));
    }
}
