package io.cloudwarden.cli;

import io.cloudwarden.CloudwardenApplication;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application with extra properties, remembering whether a long-running server is up. */
final class ServerStart {

    private static volatile boolean serverRunning;

    private ServerStart() {
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties, String[] args, String... profiles) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CloudwardenApplication.class)
                .properties(properties).profiles(profiles).run(args);
        return ctx;
    }

    static void markServerRunning() {
        serverRunning = true;
    }

    static boolean serverRunning() {
        return serverRunning;
    }
}
