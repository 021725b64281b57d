package io.cloudwarden.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads cost exports to a running server ({@code POST /api/v1/cost/imports} with the file as the request body),
 * follows each import to its end and prints its report. Exit status: 0 every file imported, 1 a file was refused
 * or failed, 2 the server could not be reached or the sign-in failed.
 */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = {"Import cost exports (FOCUS, AWS CUR, Azure cost details, GCP billing export, OCI; CSV, gzip CSV or "
                + "JSON lines) into a running Cloudwarden, one import per file, and print each import's report.",
                "Sign in with an API key (CLOUDWARDEN_API_KEY) or as a user whose password is read from "
                        + "CLOUDWARDEN_PASSWORD or asked for.",
                "Exit status: 0 every file imported, 1 a file was refused or failed, 2 the server could not be reached or "
                        + "sign-in failed."})
class IngestCostsCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Cost export files.")
    List<Path> files;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--user", defaultValue = "admin", description = "User to sign in as when no API key is given (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--tenant", description = "Import into this tenant (id) instead of the user's own (X-Cloudwarden-Tenant).")
    String tenant;

    @Option(names = "--timeout", defaultValue = "3600", description = "Seconds to wait for one import (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("not a file: " + f);
                return 2;
            }
        }
        String authorization;
        try {
            authorization = authorization();
        } catch (ConnectException e) {
            err.println("cannot reach " + url + ": is the server running?");
            return 2;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
        int status = 0;
        for (Path f : files) {
            status = Math.max(status, importFile(f, authorization, out, err));
        }
        return status;
    }

    private int importFile(Path file, String authorization, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        HttpRequest.Builder upload = request("/api/v1/cost/imports?fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8), authorization)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(file));
        HttpResponse<String> r = http.send(upload.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            err.println(name + ": the server refused the upload (" + r.statusCode() + "): " + problem(r.body()));
            return r.statusCode() == 401 || r.statusCode() == 403 ? 2 : 1;
        }
        String id = JSON.readTree(r.body()).get("id").asString();
        out.println(name + ": import " + id);
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        JsonNode job;
        int lastPercent = -1;
        while (true) {
            job = JSON.readTree(http.send(request("/api/v1/cost/imports/" + id, authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = job.path("status").asString("");
            if (List.of("SUCCEEDED", "FAILED", "REFUSED").contains(state)) {
                break;
            }
            int percent = (int) Math.round(job.path("progress").asDouble(0) * 100);
            if (percent != lastPercent && state.equals("RUNNING")) {
                out.printf("  %s %d%%, %,d rows%n", state.toLowerCase(), percent, job.path("rowsRead").asLong());
                out.flush();
                lastPercent = percent;
            }
            if (System.nanoTime() > deadline) {
                err.println(name + ": still " + state + " after " + timeoutSeconds + " s; follow it at GET /api/v1/cost/imports/" + id);
                return 1;
            }
            Thread.sleep(500);
        }
        printReport(name, job, out);
        return "SUCCEEDED".equals(job.path("status").asString()) ? 0 : 1;
    }

    private static void printReport(String name, JsonNode job, PrintWriter out) {
        String status = job.path("status").asString();
        out.println(name + ": " + status);
        if (!job.path("error").isMissingNode() && !job.path("error").isNull()) {
            out.println("  " + job.path("error").asString());
        }
        JsonNode report = job.path("report");
        if (report.isMissingNode() || report.isNull()) {
            return;
        }
        out.println("  format        " + report.path("format").path("label").asString() + " (" + report.path("format").path("detectedBecause").asString() + ")");
        out.printf("  rows          %,d read, %,d accepted, %,d quarantined%n", report.path("rowsRead").asLong(),
                report.path("rowsAccepted").asLong(), report.path("rowsQuarantined").asLong());
        out.println("  periods       " + report.path("billingPeriods"));
        JsonNode rec = report.path("reconciliation");
        out.println("  reconciled    " + (rec.path("reconciled").asBoolean() ? "yes" : "NO"));
        for (JsonNode note : rec.path("notes")) {
            out.println("                " + note.asString());
        }
        JsonNode conf = report.path("conformance");
        out.printf("  FOCUS 1.2     %s: %d rules passed, %d failed, %d not applicable%n",
                conf.path("conformant").asBoolean() ? "conformant" : "NOT conformant", conf.path("rulesPassed").asLong(),
                conf.path("rulesFailed").asLong(), conf.path("rulesNotApplicable").asLong());
        for (JsonNode f : conf.path("failures")) {
            out.println("                " + f.path("ruleId").asString() + ": " + f.path("failed").asLong() + " rows, first "
                    + f.path("firstFailingRows"));
        }
    }

    private String authorization() throws IOException, InterruptedException {
        String key = System.getenv("CLOUDWARDEN_API_KEY");
        if (key != null && !key.isBlank()) {
            return "ApiKey " + key.trim();
        }
        String password = System.getenv("CLOUDWARDEN_PASSWORD");
        if (password == null || password.isBlank()) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalStateException("set CLOUDWARDEN_API_KEY, or CLOUDWARDEN_PASSWORD for user " + user);
            }
            char[] typed = console.readPassword("Password for %s at %s: ", user, url);
            password = typed == null ? "" : new String(typed);
        }
        HttpRequest login = HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", password)))).build();
        HttpResponse<String> r = http.send(login, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in as " + user + " failed (" + r.statusCode() + "): " + problem(r.body()));
        }
        return "Bearer " + JSON.readTree(r.body()).get("accessToken").asString();
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json");
        if (tenant != null) {
            b.header("X-Cloudwarden-Tenant", tenant);
        }
        return b;
    }

    private static String problem(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("detail").asString(body);
        } catch (RuntimeException e) {
            return body;
        }
    }
}
