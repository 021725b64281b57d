package io.cloudwarden.connector.simulator;

/** Failures the simulator can be told to produce, for testing how the platform handles them. */
enum FaultInjection {
    /** Behave like a healthy account. */
    NONE,
    /** Reject the credentials. */
    AUTH,
    /** Fail with a retryable error after half the resources were reported. */
    TRANSIENT_MIDWAY;

    static FaultInjection fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
