package io.cloudwarden.shared.storage;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** S3 clients built from Cloudwarden's settings, for AWS S3 and S3-compatible stores. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * Builds an S3 client from settings: the region, an endpoint override and path-style access for S3-compatible
     * stores, and static credentials when both parts are given, the SDK's default provider chain (environment,
     * profile, web identity, container or instance role) otherwise.
     */
    public static S3Client client(String region, URI endpoint, boolean pathStyle, String accessKeyId, String secretAccessKey) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials(accessKeyId, secretAccessKey));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(String accessKeyId, String secretAccessKey) {
        boolean id = accessKeyId != null && !accessKeyId.isBlank();
        boolean secret = secretAccessKey != null && !secretAccessKey.isBlank();
        if (id != secret) {
            throw new IllegalArgumentException("give both the S3 access key id and the secret access key, or neither");
        }
        return id ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey))
                : DefaultCredentialsProvider.builder().build();
    }
}
