package io.cloudwarden.evidence.verify;

import java.io.IOException;

/** The input is not a readable bundle or evidence pack: a required file is missing, unparsable or unreadable. */
public class UnreadableBundleException extends IOException {

    public UnreadableBundleException(String message) {
        super(message);
    }

    public UnreadableBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
