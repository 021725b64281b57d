package io.cloudwarden.connector.spi;

import java.util.Map;

/**
 * Result of {@link Connector#testConnection()}.
 *
 * @param ok        whether the connector can reach the account with the given credentials
 * @param errorKind why not, when {@code ok} is false; {@code null} otherwise
 * @param message   human-readable result; must not contain secrets
 * @param details   non-secret facts learned, e.g. the resolved account id or visible regions
 */
public record ConnectionCheck(boolean ok, ConnectorException.Kind errorKind, String message, Map<String, String> details) {

    public ConnectionCheck {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ConnectionCheck success(String message, Map<String, String> details) {
        return new ConnectionCheck(true, null, message, details);
    }

    public static ConnectionCheck failure(ConnectorException.Kind kind, String message) {
        return new ConnectionCheck(false, kind, message, Map.of());
    }
}
