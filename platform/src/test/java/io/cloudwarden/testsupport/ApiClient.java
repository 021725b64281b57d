package io.cloudwarden.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the application over real HTTP, logged in with a real password and bearer token. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String token;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();
    private String refreshToken;

    public ApiClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Logs in and keeps the token for later calls. */
    public ApiClient login(String username, String password) {
        Response r = post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        token = r.body().get("accessToken").asString();
        refreshToken = r.body().path("refreshToken").asString(null);
        return this;
    }

    /** Uses {@code accessToken} (any string, e.g. a forged token) as the bearer token from now on. */
    public ApiClient withToken(String accessToken) {
        token = accessToken;
        return this;
    }

    /** The refresh token of the last login, if the login answered one. */
    public String refreshToken() {
        return refreshToken;
    }

    /** Logs in as the test bootstrap admin. */
    public ApiClient loginAsAdmin() {
        return login("admin", TestDatabaseInitializer.ADMIN_PASSWORD);
    }

    /** Sends {@code name: value} on every later request ({@code null} stops sending it), e.g. X-Cloudwarden-Tenant. */
    public ApiClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** Forgets the token. */
    public ApiClient anonymous() {
        token = null;
        refreshToken = null;
        return this;
    }

    /** The bearer token of the logged-in user (for clients other than this one, e.g. file downloads). */
    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    /** GET accepting any media type (for text endpoints such as Prometheus, and CSV exports). */
    public Response getText(String path) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/plain;version=0.0.4, */*");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), JSON.missingNode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** DELETE with a JSON body (e.g. a confirming code). */
    public Response deleteWithBody(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("DELETE", bodyOf(body)));
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    public Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", bodyOf(body)));
    }

    /** Sends a raw JSON string (for malformed-input tests). */
    public Response postRaw(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.BodyPublisher bodyOf(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, application/problem+json");
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, parsed body, content type and raw text of a response. */
    public record Response(int status, JsonNode body, String contentType, String raw) {
        /** The problem {@code code} of an error response. */
        public String code() {
            return body.path("code").asString("");
        }
    }
}
