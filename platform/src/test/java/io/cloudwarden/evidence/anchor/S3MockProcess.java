package io.cloudwarden.evidence.anchor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Adobe S3Mock as a child process of the test JVM, started from its executable jar, which Maven copies to
 * {@code target/s3mock/s3mock-exec.jar} (system property {@code s3mock.jar}). A separate JVM keeps S3Mock's own
 * Spring Boot application and dependencies apart from ours; it starts in a few seconds.
 */
final class S3MockProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final Path output;

    private S3MockProcess(Process process, int httpPort, Path output) {
        this.process = process;
        this.httpPort = httpPort;
        this.output = output;
    }

    static S3MockProcess start(Path workDir) throws IOException, InterruptedException {
        String jar = System.getProperty("s3mock.jar", "target/s3mock/s3mock-exec.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Mock jar " + jar + " is missing: run the tests through Maven "
                    + "(the process-test-classes phase copies it)");
        }
        int httpPort = freePort();
        int httpsPort = freePort();
        Path root = Files.createDirectories(workDir.resolve("store"));
        Path output = workDir.resolve("s3mock.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                "--server.port=" + httpsPort,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        S3MockProcess mock = new S3MockProcess(process, httpPort, output);
        try {
            mock.awaitReady(Duration.ofSeconds(90));
        } catch (IOException | InterruptedException | RuntimeException e) {
            mock.close();
            throw e;
        }
        return mock;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(output));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("S3Mock did not listen on port " + httpPort + " within " + timeout + ":\n"
                + Files.readString(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
