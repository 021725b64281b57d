package io.cloudwarden.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP for the tests that need headers, methods or bodies ApiClient does not offer. */
final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RawHttp() {
    }

    /** Sends {@code method} with {@code headers}; a {@code body} is sent with Content-Length, unless {@code chunked}. */
    static HttpResponse<String> send(int port, String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).method(method, publisher);
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
