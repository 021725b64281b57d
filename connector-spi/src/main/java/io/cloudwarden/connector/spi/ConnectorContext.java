package io.cloudwarden.connector.spi;

import java.time.Clock;

/**
 * What the platform hands a connector: the account it serves and a clock (tests pin it).
 *
 * @param accountName display name of the cloud account this connector serves
 * @param clock       the time source the connector must use for timestamps
 */
public record ConnectorContext(String accountName, Clock clock) {
}
