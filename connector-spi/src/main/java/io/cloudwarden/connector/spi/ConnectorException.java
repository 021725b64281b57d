package io.cloudwarden.connector.spi;

/**
 * A failure talking to a cloud. The {@link Kind} tells the platform whether retrying can help; the message
 * must never contain a secret.
 */
public class ConnectorException extends RuntimeException {

    /** Classes of failure, each with a stable code recorded in sync history. */
    public enum Kind {
        /** Credentials rejected. Not retried until the account is changed. */
        AUTHENTICATION(false),
        /** Credentials valid but lacking a permission. */
        PERMISSION(false),
        /** The provider throttled us; retry later. */
        THROTTLED(true),
        /** Network or provider-side failure; retry later. */
        TRANSIENT(true),
        /** The account configuration cannot work as given. */
        CONFIGURATION(false),
        /** A defect in the connector. */
        INTERNAL(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** Stable error code, e.g. {@code CONNECTOR_THROTTLED}. */
        public String code() {
            return "CONNECTOR_" + name();
        }
    }

    private final Kind kind;

    public ConnectorException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ConnectorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
