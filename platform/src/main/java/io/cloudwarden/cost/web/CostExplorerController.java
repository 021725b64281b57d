package io.cloudwarden.cost.web;

import io.cloudwarden.cost.explorer.CostDimension;
import io.cloudwarden.cost.explorer.CostDimensionValues;
import io.cloudwarden.cost.explorer.CostDimensionValues.DimensionValue;
import io.cloudwarden.cost.explorer.CostExplorer;
import io.cloudwarden.cost.explorer.CostExplorer.ExplorerResult;
import io.cloudwarden.cost.explorer.CostInsights;
import io.cloudwarden.cost.explorer.ExplorerQuery;
import io.cloudwarden.cost.explorer.FocusExport;
import io.cloudwarden.cost.explorer.SavedFilters;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cost explorer, its pickers, savings, one resource's cost and the overview summary. */
@RestController
@RequestMapping("/api/v1/cost")
@Tag(name = "cost", description = "The FOCUS cost ledger: explorer, savings, resource cost")
@RequiresPermission(Permission.COST_READ)
class CostExplorerController {

    private final CostExplorer explorer;
    private final CostInsights insights;
    private final CostDimensionValues dimensions;
    private final FocusExport focusExport;
    private final SavedFilters savedFilters;
    private final Clock clock = Clock.systemUTC();

    CostExplorerController(CostExplorer explorer, CostInsights insights, CostDimensionValues dimensions, FocusExport focusExport,
                           SavedFilters savedFilters) {
        this.savedFilters = savedFilters;
        this.explorer = explorer;
        this.focusExport = focusExport;
        this.insights = insights;
        this.dimensions = dimensions;
    }

    @GetMapping("/explorer")
    @Operation(summary = "Sum a cost metric over time, grouped by up to two dimensions",
            description = "Dimensions: provider, publisher, service, serviceCategory, account, subAccount, region, chargeCategory, "
                    + "pricingCategory, resource, resourceType, sku, commitment, team, project, environment, costCenter, or "
                    + "tag:<key>. Filters are dimension=value or dimension!=value, repeatable: values of one dimension are "
                    + "alternatives, different dimensions all apply; an empty value means none (untagged, unallocated). "
                    + "The top N groups are kept and the rest summed as (other). Account, service, region, category and "
                    + "allocation queries read the daily rollup; resource queries over whole months of spend rank from the "
                    + "monthly resource rollup (the top resources' days come from their rows); tag and other FOCUS-column "
                    + "queries the cost rows (slower over long ranges).")
    ExplorerResult explore(
            @Parameter(description = "BilledCost, EffectiveCost, ListCost or ContractedCost; default from view")
            @RequestParam(required = false) String metric,
            @Parameter(description = "actual (BilledCost) or amortized (EffectiveCost, the default)")
            @RequestParam(required = false) String view,
            @Parameter(description = "one or two dimensions, repeatable or comma-separated") @RequestParam(required = false) List<String> groupBy,
            @Parameter(description = "dimension=value or dimension!=value; repeatable") @RequestParam(required = false) List<String> filter,
            @Parameter(description = "day (default), week or month") @RequestParam(required = false) String granularity,
            @Parameter(description = "first day, inclusive (default: 30 days before to)") @RequestParam(required = false) String from,
            @Parameter(description = "last day, exclusive (default: tomorrow)") @RequestParam(required = false) String to,
            @Parameter(description = "groups to keep before the rest becomes (other); 1 to 1000, default 10")
            @RequestParam(required = false) Integer top,
            @Parameter(description = "previous: also sum the period of the same length before") @RequestParam(required = false) String compare,
            @Parameter(description = "ISO 4217 currency; default the one with the most spend") @RequestParam(required = false) String currency,
            @Parameter(description = "id of a saved filter whose filters apply too (ANDed with the filter parameters)")
            @RequestParam(required = false) UUID savedFilter) {
        return explorer.explore(withSavedFilter(ExplorerQuery.parse(metric, view, groupBy, filter, granularity, from, to, top, compare,
                currency, LocalDate.now(clock)), savedFilter));
    }

    private ExplorerQuery withSavedFilter(ExplorerQuery q, UUID savedFilter) {
        return savedFilter == null ? q : q.and(savedFilters.get(savedFilter).parsedFilters());
    }

    record DimensionList(List<String> dimensions, List<String> tagKeys) {
    }

    @GetMapping(path = "/export/focus", produces = "text/csv")
    @RequiresPermission(Permission.COST_EXPORT)
    @Operation(summary = "Export the cost rows of a range (and filters, as in the explorer) as FOCUS 1.2 CSV")
    ResponseEntity<StreamingResponseBody> exportFocus(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = "dimension=value or dimension!=value; repeatable") @RequestParam(required = false) List<String> filter,
            @Parameter(description = "id of a saved filter whose filters apply too") @RequestParam(required = false) UUID savedFilter) {
        ExplorerQuery q = withSavedFilter(ExplorerQuery.parse(null, null, null, filter, null, from, to, null, null, null,
                LocalDate.now(clock)), savedFilter);
        TenantId tenant = TenantContext.require();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            focusExport.write(tenant, q, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"focus-" + q.from() + "-" + q.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping("/dimensions")
    @Operation(summary = "The dimensions the explorer groups and filters by, and the tag keys seen in the ledger")
    DimensionList dimensions() {
        return new DimensionList(Arrays.stream(CostDimension.values()).map(CostDimension::key).toList(), dimensions.tagKeys());
    }

    @GetMapping("/dimensions/{dimension}/values")
    @Operation(summary = "A dimension's values with spend in the range, largest first (at most 200)")
    List<DimensionValue> dimensionValues(@PathVariable String dimension,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @Parameter(description = "case-insensitive substring") @RequestParam(required = false) String q) {
        ExplorerQuery query = ExplorerQuery.parse(null, null, List.of(dimension), null, null, from, to, null, null, null,
                LocalDate.now(clock));
        return dimensions.values(query.groupBy().get(0), query.from(), query.to(), q == null || q.isBlank() ? null : q);
    }

    @GetMapping("/savings")
    @Operation(summary = "Negotiated, commitment and total savings by month and pricing category (FOCUS formulas)",
            description = "negotiated = ListCost − ContractedCost; commitment = ContractedCost − EffectiveCost; "
                    + "total = ListCost − EffectiveCost; effective savings rate = total / ListCost.")
    CostInsights.Savings savings(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String currency) {
        ExplorerQuery range = ExplorerQuery.parse(null, null, null, null, "month", from, to, null, null, currency, LocalDate.now(clock));
        return insights.savings(range.from(), range.to(), range.currency());
    }

    @GetMapping("/resource")
    @Operation(summary = "One resource's daily cost, by its FOCUS ResourceId (the provider's id, as in the inventory)")
    CostInsights.ResourceCost resource(@RequestParam String resourceId, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        if (resourceId.isBlank() || resourceId.length() > 2048) {
            throw new CloudwardenException(CommonErrorCode.VALIDATION_FAILED, "resourceId must be 1 to 2048 characters",
                    List.of(new FieldProblem("resourceId", "must be 1 to 2048 characters")));
        }
        ExplorerQuery range = ExplorerQuery.parse(null, null, null, null, null, from, to, null, null, null, LocalDate.now(clock));
        return insights.resource(resourceId, range.from(), range.to());
    }

    @GetMapping("/summary")
    @Operation(summary = "Month to date against last month, top services and unallocated share, for the overview")
    CostInsights.Summary summary(@RequestParam(required = false) String asOf) {
        LocalDate day;
        try {
            day = asOf == null ? LocalDate.now(clock) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "asOf must be a date like 2025-01-31",
                    List.of(new FieldProblem("asOf", "must be a date like 2025-01-31")));
        }
        return insights.summary(day);
    }
}
