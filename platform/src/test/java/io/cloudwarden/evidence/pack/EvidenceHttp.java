package io.cloudwarden.evidence.pack;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.TestDatabaseInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The binary side of the evidence API over real HTTP (multipart uploads, zip and file downloads), which
 * {@link ApiClient} does not cover; logs in as the test admin like ApiClient.
 */
final class EvidenceHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    EvidenceHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        ApiClient.Response login = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("username", "admin", "password", TestDatabaseInitializer.ADMIN_PASSWORD));
        this.token = login.body().get("accessToken").asString();
    }

    /** A response with its raw bytes; {@link #json()} parses them. */
    record BinaryResponse(int status, String contentType, byte[] body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String code() {
            return json().path("code").asString("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    /** POSTs a multipart form with a {@code file} part and a {@code metadata} part (JSON). */
    BinaryResponse upload(String path, String fileName, String mediaType, byte[] content, Object metadata) {
        String boundary = "cw-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(metadata) + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** POSTs JSON and keeps the response bytes (zip endpoints). */
    BinaryResponse postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    BinaryResponse get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "*/*");
    }

    private BinaryResponse send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryResponse(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
