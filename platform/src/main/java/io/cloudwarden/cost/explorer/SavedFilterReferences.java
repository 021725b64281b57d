package io.cloudwarden.cost.explorer;

import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * Something that depends on saved filters (budgets do), asked before one is deleted so the refusal can name what
 * uses it. Implemented outside the explorer so that the explorer does not depend on its users.
 */
public interface SavedFilterReferences {

    /** Human-readable names of what uses the saved filter, e.g. {@code budget "Payments"}; empty when nothing does. */
    List<String> referencing(TenantId tenant, UUID savedFilter);

    /** What is referenced, for the error message: e.g. {@code budgets}. */
    String kind();
}
