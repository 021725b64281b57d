package io.cloudwarden.shared.web;

import java.io.IOException;

/**
 * Thrown while reading a request body that turns out larger than its limit (a body without Content-Length);
 * answered with 413 PAYLOAD_TOO_LARGE.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
