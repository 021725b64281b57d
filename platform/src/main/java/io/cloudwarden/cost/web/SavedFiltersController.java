package io.cloudwarden.cost.web;

import io.cloudwarden.cost.explorer.SavedFilter;
import io.cloudwarden.cost.explorer.SavedFilters;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved filters (saved views) of the cost explorer. Reading needs {@code cost:read}; changing needs
 * {@code cost:manage-budgets}, because a saved filter is what a budget's scope points to: whoever may change one
 * changes what those budgets measure (ADR 38).
 */
@RestController
@RequestMapping("/api/v1/cost/saved-filters")
@Tag(name = "cost-saved-filters", description = "Saved explorer filters, also the scope of budgets")
class SavedFiltersController {

    private static final int MAX_LIMIT = 200;

    private final SavedFilters savedFilters;

    SavedFiltersController(SavedFilters savedFilters) {
        this.savedFilters = savedFilters;
    }

    @GetMapping
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "Saved filters by name (cursor-paged)")
    CursorPage<SavedFilter> list(@Parameter(description = "case-insensitive substring of the name") @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String cursor,
                                 @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "limit must be 1 to " + MAX_LIMIT,
                    List.of(new FieldProblem("limit", "must be 1 to " + MAX_LIMIT)));
        }
        return savedFilters.list(q, cursor, n);
    }

    @PostMapping
    @RequiresPermission(Permission.COST_MANAGE_BUDGETS)
    @Operation(summary = "Save explorer filters (and optionally the group-by, metric and granularity of the view)",
            description = "filters use the explorer's filter syntax: dimension=value or dimension!=value, tag:<key>=value; "
                    + "an invalid one is refused with SAVED_FILTER_INVALID naming it (filters[i]).")
    ResponseEntity<SavedFilter> create(@RequestBody SavedFilterDefinition body) {
        SavedFilter f = savedFilters.create(body.toSavedFilter());
        return ResponseEntity.created(URI.create("/api/v1/cost/saved-filters/" + f.id())).body(f);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "One saved filter")
    SavedFilter get(@PathVariable UUID id) {
        return savedFilters.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permission.COST_MANAGE_BUDGETS)
    @Operation(summary = "Replace a saved filter's definition; budgets scoped by it measure the new filters from now on")
    SavedFilter update(@PathVariable UUID id, @RequestBody SavedFilterDefinition body) {
        return savedFilters.update(id, body.toSavedFilter());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.COST_MANAGE_BUDGETS)
    @Operation(summary = "Delete a saved filter; refused with 409 SAVED_FILTER_IN_USE, naming the budgets, while budgets use it")
    void delete(@PathVariable UUID id) {
        savedFilters.delete(id);
    }

    /**
     * What a client may set on a saved filter: {@link SavedFilter} without the server-owned {@code id},
     * {@code createdBy}, {@code createdAt} and {@code updatedAt} (a body carrying them is refused, not ignored).
     */
    record SavedFilterDefinition(String name, String description, List<String> filters, List<String> groupBy, String metric,
                                 String granularity) {
        SavedFilter toSavedFilter() {
            return new SavedFilter(null, name, description, filters, groupBy, metric, granularity, null, null, null);
        }
    }
}
