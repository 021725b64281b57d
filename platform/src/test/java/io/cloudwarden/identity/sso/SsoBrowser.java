package io.cloudwarden.identity.sso;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Plays the browser of an SSO login: follows one redirect at a time, so every hop can be checked. */
final class SsoBrowser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    SsoBrowser(int port) {
        this.port = port;
    }

    /** GETs {@code url} and returns the Location of its 302 (failing on anything else). */
    URI redirectOf(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302) {
                throw new AssertionError("expected a redirect from " + url + " but got " + r.statusCode() + " " + r.body());
            }
            return URI.create(r.headers().firstValue("Location").orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * start → the provider's authorization endpoint (which answers at once) → our callback; returns where the
     * callback sends the browser. {@code tamper} may change the authorization request on its way to the provider.
     */
    URI login(String providerId, String redirect, UnaryOperator<String> tamper) {
        URI authorize = redirectOf("http://127.0.0.1:" + port + "/api/v1/auth/sso/" + providerId + "/start?redirect=" + redirect);
        URI callback = redirectOf(tamper.apply(authorize.toString()));
        return redirectOf(callback.toString());
    }

    URI login(String providerId) {
        return login(providerId, "/inventory", UnaryOperator.identity());
    }

    /** Query or fragment parameters. */
    static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
