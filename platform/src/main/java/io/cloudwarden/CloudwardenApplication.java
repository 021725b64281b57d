package io.cloudwarden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Cloudwarden application. The jar's entry point is the command line
 * ({@code io.cloudwarden.cli.CloudwardenCommand}: demo, serve, bench, version); this main starts the server
 * directly, as {@code serve} does.
 */
@SpringBootApplication
public class CloudwardenApplication {

    public static void main(String[] args) {
        SpringApplication.run(CloudwardenApplication.class, args);
    }
}
