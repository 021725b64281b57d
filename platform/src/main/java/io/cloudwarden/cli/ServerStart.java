package io.cloudwarden.cli;

import io.cloudwarden.CloudwardenApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application with extra properties, remembering whether a long-running server is up. */
final class ServerStart {

    private static volatile boolean serverRunning;

    private ServerStart() {
    }

    /**
     * Runs the application. {@code properties} are passed as command-line properties, which take precedence
     * over application.yaml and the environment: they are what the command's own options mean.
     */
    static ConfigurableApplicationContext start(Map<String, Object> properties, String[] args, String... profiles) {
        List<String> all = new ArrayList<>();
        properties.forEach((k, v) -> all.add("--" + k + "=" + v));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(CloudwardenApplication.class).profiles(profiles).run(all.toArray(String[]::new));
    }

    static void markServerRunning() {
        serverRunning = true;
    }

    static boolean serverRunning() {
        return serverRunning;
    }
}
