package io.cloudwarden.cost.web;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.allocation.AllocationCoverage;
import io.cloudwarden.cost.allocation.AllocationPreview;
import io.cloudwarden.cost.allocation.AllocationRule;
import io.cloudwarden.cost.allocation.CostAllocation;
import io.cloudwarden.cost.allocation.Reallocation;
import io.cloudwarden.cost.allocation.Reallocations;
import io.cloudwarden.cost.chargeback.SharedCostRule;
import io.cloudwarden.cost.chargeback.SharedCosts;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Allocation rules (virtual tags), their preview, re-allocation jobs, shared-cost pools and the coverage KPI. */
@RestController
@RequestMapping("/api/v1/cost/allocation")
@Tag(name = "cost-allocation", description = "Allocation rules, shared costs and tag coverage")
class AllocationController {

    private final CostAllocation allocation;
    private final AllocationPreview preview;
    private final AllocationCoverage coverage;
    private final Reallocations reallocations;
    private final SharedCosts sharedCosts;

    AllocationController(CostAllocation allocation, AllocationPreview preview, AllocationCoverage coverage,
                         Reallocations reallocations, SharedCosts sharedCosts) {
        this.allocation = allocation;
        this.preview = preview;
        this.coverage = coverage;
        this.reallocations = reallocations;
        this.sharedCosts = sharedCosts;
    }

    record RuleList(List<AllocationRule> rules) {
    }

    record PreviewRequest(List<AllocationRule> rules, String month) {
    }

    record SharedCostList(List<SharedCostRule> rules) {
    }

    @GetMapping("/rules")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "The ordered allocation rules; the first rule matching a cost row allocates it")
    RuleList rules() {
        return new RuleList(allocation.rules());
    }

    @PutMapping("/rules")
    @RequiresPermission(Permission.COST_MANAGE_ALLOCATION)
    @Operation(summary = "Replace the ordered rule list; stored costs are re-allocated in the background (202 with the job)")
    ResponseEntity<CostAllocation.RulesSaved> replaceRules(@RequestBody RuleList body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(allocation.replaceRules(body == null ? null : body.rules()));
    }

    @PostMapping("/preview")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "What-if: totals per dimension value before and after a proposed rule list, for a month; saves nothing")
    AllocationPreview.Result preview(@RequestBody PreviewRequest body) {
        if (body == null) {
            throw new CloudwardenException(CostErrorCode.ALLOCATION_RULE_INVALID, "a body with rules is required");
        }
        return preview.preview(body.rules(), Months.month(body.month(), "month", CostErrorCode.ALLOCATION_PERIOD_INVALID));
    }

    @GetMapping("/reallocations")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "The latest re-allocation jobs, newest first")
    List<Reallocation> reallocations(@RequestParam(defaultValue = "20") int limit) {
        return reallocations.latest(limit);
    }

    @GetMapping("/reallocations/{id}")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "One re-allocation job with its progress (months done of total)")
    Reallocation reallocation(@PathVariable UUID id) {
        return reallocations.get(id);
    }

    @GetMapping("/shared-costs")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "The ordered shared-cost pools")
    SharedCostList sharedCosts() {
        return new SharedCostList(sharedCosts.list());
    }

    @PutMapping("/shared-costs")
    @RequiresPermission(Permission.COST_MANAGE_ALLOCATION)
    @Operation(summary = "Replace the shared-cost pools (EVEN, PROPORTIONAL or FIXED split; FIXED percentages sum to 100)")
    SharedCostList replaceSharedCosts(@RequestBody SharedCostList body) {
        return new SharedCostList(sharedCosts.replace(body == null ? null : body.rules()));
    }

    @GetMapping("/coverage")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "Tag coverage: % of EffectiveCost allocated, overall, per billing account and per service (default: this month)")
    AllocationCoverage.Coverage coverage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(defaultValue = "any") String dimension) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate f = Months.day(from, "from", today.withDayOfMonth(1), CostErrorCode.ALLOCATION_PERIOD_INVALID);
        LocalDate t = Months.day(to, "to", today, CostErrorCode.ALLOCATION_PERIOD_INVALID);
        if (t.isBefore(f) || !AllocationCoverage.knows(dimension)) {
            throw new CloudwardenException(CostErrorCode.ALLOCATION_PERIOD_INVALID, "from must not be after to; dimension is team, project, "
                    + "environment, costCenter or any", List.of(new FieldProblem(t.isBefore(f) ? "to" : "dimension", "invalid")));
        }
        return coverage.coverage(f, t, dimension);
    }
}
