package io.cloudwarden.cost;

import io.cloudwarden.shared.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Cost rows of a tenant were loaded into the ledger (published at the end of every ledger load, inside its
 * transaction). Budgets re-evaluate on it.
 *
 * @param billingAccountIds the billing accounts whose periods the load replaced
 * @param from              first day of the earliest billing period the load replaced
 * @param to                last day (inclusive) of the latest billing period the load replaced
 */
public record CostsIngested(TenantId tenant, UUID importId, List<String> billingAccountIds, LocalDate from, LocalDate to) {
}
