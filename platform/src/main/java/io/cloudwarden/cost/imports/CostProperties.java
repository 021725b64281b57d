package io.cloudwarden.cost.imports;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.cost.*}: cost import settings.
 *
 * @param importWorkers   imports one node runs at once (each streams one file; default 1)
 * @param spoolDirectory  where uploaded files wait for their import (default: a directory under java.io.tmpdir)
 * @param staleAfter      an import without a heartbeat for this long is marked failed (its node stopped)
 * @param objectStore     the S3-compatible store that {@code s3://bucket/key} import locations are read from
 */
@ConfigurationProperties("cloudwarden.cost")
public record CostProperties(Integer importWorkers, Path spoolDirectory, Duration staleAfter, ObjectStore objectStore) {

    public CostProperties {
        importWorkers = importWorkers == null ? 1 : importWorkers;
        spoolDirectory = spoolDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "cloudwarden-cost-spool") : spoolDirectory;
        staleAfter = staleAfter == null ? Duration.ofMinutes(5) : staleAfter;
        objectStore = objectStore == null ? new ObjectStore(null, null, null, null, null, null) : objectStore;
    }

    /**
     * An S3-compatible object store: the bucket tenants' cost exports are put in, each tenant's under
     * {@code tenants/<tenant id>/}. Without {@code accessKeyId} the AWS SDK's default credential chain is used
     * (environment, profile, instance role); without {@code endpoint}, AWS S3 itself.
     */
    public record ObjectStore(String bucket, String endpoint, String region, String accessKeyId, String secretAccessKey,
                              Boolean pathStyle) {

        @Override
        public String toString() {
            return "ObjectStore[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId + "]";
        }
    }
}
