package io.cloudwarden.inventory;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One snapshot ingestion.
 *
 * @param tenant      owning tenant
 * @param accountId   the cloud account the snapshot is of
 * @param accountName its display name (kept for facets and search results)
 * @param provider    the account's provider
 * @param syncRunId   the sync run that produced the snapshot (recorded on every version it creates)
 * @param observedAt  when the snapshot was taken; becomes valid_from/valid_to of versions
 * @param progress    called as resources are staged
 */
public record IngestionRequest(TenantId tenant, UUID accountId, String accountName, CloudProvider provider,
                               UUID syncRunId, Instant observedAt, IngestionProgress progress) {

    public IngestionRequest {
        progress = progress == null ? IngestionProgress.NONE : progress;
    }
}
