package io.cloudwarden.cost.web;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.budget.Budget;
import io.cloudwarden.cost.budget.BudgetStatus;
import io.cloudwarden.cost.budget.Budgets;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

/** Budgets: CRUD and status (actual, projected, thresholds crossed, burn-down). */
@RestController
@RequestMapping("/api/v1/cost/budgets")
@Tag(name = "cost-budgets", description = "Budgets and their status")
class BudgetsController {

    private final Budgets budgets;

    BudgetsController(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "All budgets, by name")
    List<Budget> list() {
        return budgets.list();
    }

    @PostMapping
    @RequiresPermission(Permission.COST_MANAGE_BUDGETS)
    @Operation(summary = "Create a budget; it is evaluated at once against the costs already loaded")
    ResponseEntity<Budget> create(@RequestBody BudgetDefinition body) {
        Budget b = budgets.create(body.toBudget());
        return ResponseEntity.created(URI.create("/api/v1/cost/budgets/" + b.id())).body(b);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "One budget")
    Budget get(@PathVariable UUID id) {
        return budgets.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permission.COST_MANAGE_BUDGETS)
    @Operation(summary = "Replace a budget's definition")
    Budget update(@PathVariable UUID id, @RequestBody BudgetDefinition body) {
        return budgets.update(id, body.toBudget());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.COST_MANAGE_BUDGETS)
    @Operation(summary = "Delete a budget and its recorded crossings")
    void delete(@PathVariable UUID id) {
        budgets.delete(id);
    }

    @GetMapping("/{id}/status")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "Actual and projected (RUN_RATE_MTD) spend of the period containing asOf (default today), thresholds, burn-down")
    BudgetStatus status(@PathVariable UUID id, @RequestParam(required = false) String asOf) {
        return budgets.status(id, Months.day(asOf, "asOf", null, CostErrorCode.BUDGET_INVALID));
    }

    /**
     * What a client may set on a budget: {@link Budget} without the server-owned {@code id}, {@code createdAt} and
     * {@code updatedAt}, so a body carrying them is refused as unknown fields (mass assignment) instead of ignored.
     */
    record BudgetDefinition(String name, Budget.Scope scope, Budget.Period period, BigDecimal amount,
                            Map<String, BigDecimal> monthlyAmounts, String currency, Budget.Thresholds thresholds) {
        Budget toBudget() {
            return new Budget(null, name, scope, period, amount, monthlyAmounts, currency, thresholds, null, null);
        }
    }
}
