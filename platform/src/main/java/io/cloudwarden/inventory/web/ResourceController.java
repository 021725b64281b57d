package io.cloudwarden.inventory.web;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.inventory.internal.InventoryQueries;
import io.cloudwarden.inventory.internal.ResourceQueryParameters;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceDetail;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceDiff;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceFacets;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceSummary;
import io.cloudwarden.inventory.internal.ResourceViews.VersionSummary;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, facets, detail, history and diff of the discovered resources. */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "inventory", description = "Discovered resources, their versions and relationships")
class ResourceController {

    private final InventoryQueries queries;

    ResourceController(InventoryQueries queries) {
        this.queries = queries;
    }

    @RequiresPermission(Permission.INVENTORY_READ)
    @GetMapping
    @Operation(summary = "List resources", description = "Values of one filter are alternatives (OR), different filters "
            + "all apply (AND). Keyset-paged: pass nextCursor back as cursor, with the same sort.")
    CursorPage<ResourceSummary> list(
            @Parameter(description = "aws, azure, gcp or kubernetes; repeatable") @RequestParam(required = false) List<String> provider,
            @Parameter(description = "account id (UUID); repeatable") @RequestParam(required = false) List<String> account,
            @Parameter(description = "region; repeatable") @RequestParam(required = false) List<String> region,
            @Parameter(description = "provider type name; repeatable") @RequestParam(required = false) List<String> type,
            @Parameter(description = "lifecycle state; repeatable") @RequestParam(required = false) List<String> state,
            @Parameter(description = "key:value (tag equals) or key (tag present), keys case-insensitive; repeatable, all must match")
            @RequestParam(required = false) List<String> tag,
            @Parameter(description = "tag key that must be absent; repeatable") @RequestParam(required = false) List<String> tagMissing,
            @Parameter(description = "case-insensitive substring of name or native id") @RequestParam(required = false) String q,
            @Parameter(description = "include deleted resources (default false)") @RequestParam(required = false) String includeDeleted,
            @Parameter(description = "ISO-8601 instant: answer from the versions valid then") @RequestParam(required = false) String asOf,
            @Parameter(description = "name, -name, type, -type, region, lastChanged or -lastChanged (default name)")
            @RequestParam(required = false) String sort,
            @Parameter(description = "page size, 1 to 500 (default 50)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        var listing = parameters(provider, account, region, type, state, q, includeDeleted, asOf, request)
                .toListing(sort, limit, cursor);
        return queries.list(listing.filter(), listing.page());
    }

    @RequiresPermission(Permission.INVENTORY_EXPORT)
    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "Export every resource the filters select as CSV (the list's filters and sort; no paging)")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) List<String> provider, @RequestParam(required = false) List<String> account,
            @RequestParam(required = false) List<String> region, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> state, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<String> tagMissing, @RequestParam(required = false) String q,
            @RequestParam(required = false) String includeDeleted, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String sort, HttpServletRequest request) {
        ResourceQueryParameters parameters = parameters(provider, account, region, type, state, q, includeDeleted, asOf, request);
        var first = parameters.toListing(sort, Integer.toString(EXPORT_PAGE), null);  // validates before streaming
        TenantId tenant = TenantContext.require();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("id,provider,native_id,type,name,region,state,account_id,account_name,tags,version,last_changed,deleted\r\n");
            TenantContext.runAs(tenant, () -> {
                var listing = first;
                while (true) {
                    CursorPage<ResourceSummary> page = queries.list(listing.filter(), listing.page());
                    for (ResourceSummary r : page.items()) {
                        write(writer, r);
                    }
                    if (page.nextCursor() == null) {
                        break;
                    }
                    listing = parameters.toListing(sort, Integer.toString(EXPORT_PAGE), page.nextCursor());
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"resources.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private static final int EXPORT_PAGE = 500;

    private static void write(Writer writer, ResourceSummary r) {
        String tags = r.tags() == null ? "" : r.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(";"));
        try {
            writer.write(String.join(",", csv(r.id().toString()), csv(r.provider()), csv(r.nativeId()), csv(r.type()),
                    csv(r.name()), csv(r.region()), csv(r.state()), csv(r.accountId() == null ? null : r.accountId().toString()),
                    csv(r.accountName()), csv(tags), Integer.toString(r.version()),
                    csv(r.lastChanged() == null ? null : r.lastChanged().toString()), Boolean.toString(r.deleted())));
            writer.write("\r\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting, with formula-looking values defused for spreadsheets. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @RequiresPermission(Permission.INVENTORY_READ)
    @GetMapping("/facets")
    @Operation(summary = "Count resources per provider, type, region, account and state", description = "Takes the filters of the list.")
    ResourceFacets facets(
            @RequestParam(required = false) List<String> provider, @RequestParam(required = false) List<String> account,
            @RequestParam(required = false) List<String> region, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> state, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<String> tagMissing, @RequestParam(required = false) String q,
            @RequestParam(required = false) String includeDeleted, @RequestParam(required = false) String asOf,
            HttpServletRequest request) {
        return queries.facets(parameters(provider, account, region, type, state, q, includeDeleted, asOf, request).toFilter());
    }

    @RequiresPermission(Permission.INVENTORY_READ)
    @GetMapping("/{id}")
    @Operation(summary = "One resource with its configuration, tags and relationships in both directions")
    ResourceDetail detail(@PathVariable UUID id) {
        return queries.detail(id);
    }

    @RequiresPermission(Permission.INVENTORY_READ)
    @GetMapping("/{id}/history")
    @Operation(summary = "Versions of a resource, newest first")
    CursorPage<VersionSummary> history(@PathVariable UUID id,
                                       @Parameter(description = "page size, 1 to 500 (default 50)") @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        int size = limit == null ? ResourceQueryParameters.DEFAULT_LIMIT : limit;
        if (size < 1 || size > ResourceQueryParameters.MAX_LIMIT) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "invalid limit",
                    List.of(new FieldProblem("limit", "must be a whole number from 1 to " + ResourceQueryParameters.MAX_LIMIT)));
        }
        return queries.history(id, size, cursor);
    }

    @RequiresPermission(Permission.INVENTORY_READ)
    @GetMapping("/{id}/diff")
    @Operation(summary = "Changed JSON paths between two versions (default: the previous and the current one)")
    ResourceDiff diff(@PathVariable UUID id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        return queries.diff(id, from, to);
    }

    // tag values may contain commas, which Spring would split: they are read unsplit from the request
    private static ResourceQueryParameters parameters(List<String> provider, List<String> account, List<String> region,
                                                      List<String> type, List<String> state, String q, String includeDeleted,
                                                      String asOf, HttpServletRequest request) {
        return new ResourceQueryParameters(provider, account, region, type, state, raw(request, "tag"),
                raw(request, "tagMissing"), q, includeDeleted, asOf);
    }

    private static List<String> raw(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
