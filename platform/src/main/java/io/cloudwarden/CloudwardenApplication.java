package io.cloudwarden;

import io.cloudwarden.cli.CloudwardenCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Cloudwarden application; {@link #main} is the command line ({@code demo}, {@code serve}, {@code bench}, {@code version}). */
@SpringBootApplication
public class CloudwardenApplication {

    public static void main(String[] args) {
        CloudwardenCommand.main(args);
    }
}
