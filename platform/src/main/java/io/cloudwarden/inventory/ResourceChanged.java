package io.cloudwarden.inventory;

import io.cloudwarden.connector.spi.CloudProvider;
import java.util.UUID;

/**
 * One resource's change, delivered inside {@link ResourcesChanged}.
 *
 * @param resourceId the inventory's id of the resource
 * @param version    the version the change produced (for DELETED, the closing version)
 */
public record ResourceChanged(UUID resourceId, CloudProvider provider, String nativeId, String type, ChangeType change,
                              int version) {
}
