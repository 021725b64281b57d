package io.cloudwarden.connector.spi;

/**
 * What a connector can do. A connector declares its capabilities in {@link Connector#capabilities()};
 * asking a connector for a provider it does not declare throws {@link UnsupportedOperationException}.
 * Further capabilities (metrics, backups, actions) are added with the issues that consume them.
 */
public enum Capability {
    /** Lists resources with their configuration, tags and relationships: {@link InventoryProvider}. */
    INVENTORY,
    /** Lists the provider's cost export files (FOCUS, CUR, ...) per billing period: {@link CostExportProvider}. */
    COSTS
}
