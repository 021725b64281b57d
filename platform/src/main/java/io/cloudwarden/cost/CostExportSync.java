package io.cloudwarden.cost;

import io.cloudwarden.connector.spi.CostExportProvider;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * Takes in a connector's cost export files during an account's sync: each billing period with new or changed files
 * becomes one cost import (see GET /api/v1/cost/imports), unchanged periods are not read again.
 */
public interface CostExportSync {

    /**
     * What a sync did.
     *
     * @param periodsImported  billing periods imported (replaced) now
     * @param periodsUnchanged billing periods whose files had not changed
     * @param periodsFailed    billing periods whose import was refused or failed (see the import's report)
     * @param filesSkipped     listed files of formats that are not cost data Cloudwarden ingests
     * @param skippedFormats   those files' formats
     */
    record Result(int periodsImported, int periodsUnchanged, int periodsFailed, int filesSkipped, List<String> skippedFormats) {
    }

    /** Imports the new and changed billing periods of {@code provider}'s exports for the account. */
    Result sync(TenantId tenant, UUID accountId, String accountName, CostExportProvider provider);
}
