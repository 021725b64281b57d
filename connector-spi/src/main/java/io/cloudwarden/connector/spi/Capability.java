package io.cloudwarden.connector.spi;

/**
 * What a connector can do. A connector declares its capabilities in {@link Connector#capabilities()};
 * asking a connector for a provider it does not declare throws {@link UnsupportedOperationException}.
 * Further capabilities (costs, metrics, backups, actions) are added with the issues that consume them.
 */
public enum Capability {
    /** Lists resources with their configuration, tags and relationships: {@link InventoryProvider}. */
    INVENTORY
}
