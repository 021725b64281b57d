package io.cloudwarden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CloudwardenApplication {
    public static void main(String[] args) {
        SpringApplication.run(CloudwardenApplication.class, args);
    }
}
