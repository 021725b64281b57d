package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.explorer.SavedFilterReferences;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Budgets scoped by a saved filter keep it from being deleted ({@code SAVED_FILTER_IN_USE} names them). */
@Component
class BudgetSavedFilterReferences implements SavedFilterReferences {

    private final BudgetStore store;

    BudgetSavedFilterReferences(BudgetStore store) {
        this.store = store;
    }

    @Override
    public List<String> referencing(TenantId tenant, UUID savedFilter) {
        return store.usingSavedFilter(tenant, savedFilter).stream().map(name -> "\"" + name + "\"").toList();
    }

    @Override
    public String kind() {
        return "budget";
    }
}
