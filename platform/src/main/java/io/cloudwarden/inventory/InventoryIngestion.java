package io.cloudwarden.inventory;

import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.shared.TenantId;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes complete inventory snapshots. Called by the accounts module's sync jobs (and the benchmarks).
 */
public interface InventoryIngestion {

    /**
     * Ingests one complete snapshot of an account in a single transaction: {@code collector} is handed a
     * sink and must push every current resource of the account into it. Resources are streamed through
     * PostgreSQL {@code COPY} into staging and merged set-wise: new resources get version 1, changed ones a
     * new version, unchanged ones nothing, and resources of the account that were not reported are marked
     * deleted. If {@code collector} throws, nothing is written and the exception propagates, so the
     * previous inventory stays exactly as it was. {@link ResourcesChanged} events are published in the same
     * transaction.
     *
     * <p>Must be called with {@code request.tenant()} bound in {@code TenantContext}.
     */
    IngestionResult ingestSnapshot(IngestionRequest request, Consumer<ResourceSink> collector);

    /**
     * Marks every live resource of an account deleted (the account was removed); history is kept.
     *
     * @return the number of resources marked deleted
     */
    long retireAccount(TenantId tenant, UUID accountId);
}
