package io.cloudwarden.inventory;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Resources of one account changed in one ingestion. Changes are delivered in batches of at most
 * {@link #MAX_BATCH} so that a million-resource first sync publishes a thousand events rather than a
 * million, and listeners (policy re-evaluation, drift) can work set-wise.
 */
public record ResourcesChanged(TenantId tenantId, UUID accountId, UUID syncRunId, Instant occurredAt,
                               List<ResourceChanged> changes) {

    public static final int MAX_BATCH = 1000;

    public ResourcesChanged {
        changes = List.copyOf(changes);
    }
}
