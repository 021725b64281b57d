/**
 * The connector SPI: the plain-Java contract through which Cloudwarden discovers cloud connectors
 * ({@link io.cloudwarden.connector.spi.ConnectorPlugin} via {@link java.util.ServiceLoader}), describes
 * their configuration ({@link io.cloudwarden.connector.spi.ConnectorFactory#configProperties()}) and pulls
 * data from them through capability providers such as {@link io.cloudwarden.connector.spi.InventoryProvider} and
 * {@link io.cloudwarden.connector.spi.CostExportProvider}.
 */
package io.cloudwarden.connector.spi;
