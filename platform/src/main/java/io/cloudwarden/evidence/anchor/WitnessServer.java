package io.cloudwarden.evidence.anchor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of a {@link Witness} on the JDK's HTTP server: {@code POST <prefix>/add-checkpoint} as
 * c2sp.org/tlog-witness specifies (200 with the cosignature line, 409 with {@code text/x.tlog.size} when the
 * old size is not the witness's, 400/403/404/422 otherwise). Plain HTTP: put it behind a TLS proxy.
 */
public final class WitnessServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WitnessServer.class);

    /** Largest request body accepted: 63 proof lines and a checkpoint with many signatures fit easily. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String prefix;

    private WitnessServer(HttpServer server, ExecutorService executor, String prefix) {
        this.server = server;
        this.executor = executor;
        this.prefix = prefix;
    }

    /**
     * Starts serving {@code witness} on {@code address} (port 0 picks a free one) under {@code prefix}
     * (empty, or a path such as {@code /witness}).
     */
    public static WitnessServer start(Witness witness, InetSocketAddress address, String prefix) throws IOException {
        String normalized = prefix == null || prefix.equals("/") ? "" : prefix.replaceAll("/+$", "");
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "cloudwarden-witness");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(normalized + "/add-checkpoint", exchange -> handle(witness, exchange));
        server.start();
        return new WitnessServer(server, executor, normalized);
    }

    /** The submission prefix clients post to, e.g. {@code http://127.0.0.1:40123/witness}. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + prefix);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handle(Witness witness, HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, "text/plain; charset=utf-8", "use POST\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                respond(exchange, 413, "text/plain; charset=utf-8", "request too large\n");
                return;
            }
            AddCheckpointRequest request;
            try {
                request = AddCheckpointRequest.parse(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
                return;
            }
            try {
                respond(exchange, 200, "text/plain; charset=utf-8", witness.addCheckpoint(request));
            } catch (WitnessException e) {
                if (e.knownSize().isPresent()) {
                    respond(exchange, 409, "text/x.tlog.size", e.knownSize().getAsLong() + "\n");
                } else {
                    respond(exchange, e.status(), "text/plain; charset=utf-8", e.getMessage() + "\n");
                }
            }
        } catch (RuntimeException e) {
            log.error("Witness request failed", e);
            try {
                respond(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
            } catch (IOException | RuntimeException ignored) {
                // the response had already started; closing the exchange ends it
            }
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
