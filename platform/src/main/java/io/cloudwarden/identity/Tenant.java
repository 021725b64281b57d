package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;

/**
 * A tenant node.
 *
 * @param kind MSP, CUSTOMER or BUSINESS_UNIT
 */
public record Tenant(TenantId id, TenantId parentId, String name, String kind, Instant createdAt) {
}
