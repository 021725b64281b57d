package io.cloudwarden.evidence.anchor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Anchors at a transparency-log witness with the c2sp.org/tlog-witness protocol: {@code POST <url>/add-checkpoint}
 * with the size the witness last cosigned, a consistency proof from it and the signed checkpoint. A 409 with
 * the witness's own size ({@code text/x.tlog.size}) is retried once from that size. The answer counts only
 * when it carries a cosignature that verifies with the configured witness key. The witness keeps only its
 * latest view, so {@link #latest} reads the last cosigned checkpoint from the {@link AnchorStore}.
 *
 * <p>A witness that has cosigned a larger size than the log now has refuses every later checkpoint: that
 * failure (logged and recorded on each run) is itself the rollback alarm.
 */
public final class WitnessAnchorTarget implements AnchorTarget {

    private static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

    private final URI url;
    private final CosignerKey witnessKey;
    private final ConsistencyProofs proofs;
    private final AnchorStore history;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url        the witness's submission prefix ({@code add-checkpoint} is appended)
     * @param witnessKey the witness's cosignature/v1 verifier key
     * @param proofs     consistency proofs of the logs being anchored
     * @param history    where the last cosigned size of each log is remembered
     * @param timeout    connect and request timeout
     */
    public WitnessAnchorTarget(URI url, CosignerKey witnessKey, ConsistencyProofs proofs, AnchorStore history, Duration timeout) {
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("the witness URL must not carry credentials");
        }
        String s = url.toString();
        this.url = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.witnessKey = witnessKey;
        this.proofs = proofs;
        this.history = history;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String id() {
        return "witness:" + url;
    }

    @Override
    public AnchorReceipt publish(LogCheckpoint checkpoint) {
        long old = history.lastAnchored(id(), checkpoint.origin()).map(AnchorRecord::treeSize).orElse(0L);
        if (old > checkpoint.size()) {
            throw rolledBack(old, checkpoint);
        }
        Answer answer = submit(checkpoint, old);
        if (answer.status() == 409 && answer.contentType().startsWith(SIZE_CONTENT_TYPE)) {
            long known = parseSize(answer.body());
            if (known > checkpoint.size()) {
                throw rolledBack(known, checkpoint);
            }
            answer = submit(checkpoint, known);
        }
        if (answer.status() != 200) {
            throw new AnchorException("witness " + url + " refused " + checkpoint.origin() + " at size " + checkpoint.size()
                    + ": HTTP " + answer.status() + " " + firstLine(answer.body()));
        }
        CosignerKey.Cosignature cosignature;
        try {
            cosignature = witnessKey.verify(checkpoint.text(), answer.body());
        } catch (IllegalArgumentException e) {
            throw new AnchorException("witness " + url + " answered without a valid cosignature by " + witnessKey.name()
                    + ": " + e.getMessage());
        }
        return new AnchorReceipt(id(), url + "/add-checkpoint", cosignature.timestamp(), cosignature.line());
    }

    @Override
    public Optional<String> latest(String origin) {
        return history.lastAnchored(id(), origin).map(AnchorRecord::anchoredNote);
    }

    private Answer submit(LogCheckpoint checkpoint, long oldSize) {
        List<byte[]> proof = oldSize == 0 || oldSize == checkpoint.size()
                ? List.of() : proofs.between(checkpoint, oldSize, checkpoint.size());
        String body = new AddCheckpointRequest(oldSize, proof, checkpoint.note()).encode();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/add-checkpoint"))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AnchorException("witness " + url + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnchorException("interrupted while waiting for witness " + url, e);
        }
    }

    private AnchorException rolledBack(long witnessed, LogCheckpoint checkpoint) {
        return new AnchorException("witness " + url + " has cosigned " + checkpoint.origin() + " at size " + witnessed
                + ", beyond the log's size " + checkpoint.size() + ": the log was rolled back");
    }

    private long parseSize(String body) {
        String s = body.trim();
        try {
            if (s.matches("0|[1-9][0-9]{0,18}")) {
                return Long.parseLong(s);
            }
        } catch (NumberFormatException e) {
            // beyond 2^63-1: malformed
        }
        throw new AnchorException("witness " + url + " answered 409 with a malformed size");
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private record Answer(int status, String contentType, String body) {
    }

    @Override
    public String toString() {
        return id();
    }
}
