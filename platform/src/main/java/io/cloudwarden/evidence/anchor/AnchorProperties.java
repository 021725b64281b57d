package io.cloudwarden.evidence.anchor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.audit.anchor.*}: where and how often the logs' checkpoints are anchored. Each target is
 * enabled when configured; with the embedded database the directory defaults to {@code <data dir>/anchors}.
 *
 * @param enabled   whether this node runs the anchoring job (one node is enough; publishing is idempotent)
 * @param interval  time between runs
 * @param directory the directory target's root, or {@code null}
 * @param s3        the S3 Object Lock target
 * @param witness   the witness target
 */
@ConfigurationProperties("cloudwarden.audit.anchor")
public record AnchorProperties(Boolean enabled, Duration interval, Path directory, S3 s3, Witness witness) {

    public AnchorProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null, null) : s3;
        witness = witness == null ? new Witness(null, null, null) : witness;
    }

    /**
     * {@code cloudwarden.audit.anchor.s3.*}: an S3 bucket created with Object Lock enabled.
     *
     * @param bucket          the bucket; the target is enabled when it is set
     * @param prefix          key prefix, e.g. {@code cloudwarden/audit}
     * @param region          the bucket's region
     * @param endpoint        endpoint override for S3-compatible stores
     * @param pathStyle       path-style addressing ({@code endpoint/bucket/key}), which most S3-compatible stores need
     * @param retention       COMPLIANCE retention of each object
     * @param accessKeyId     static credentials; empty: the SDK's default provider chain
     * @param secretAccessKey its secret (never logged)
     */
    public record S3(String bucket, String prefix, String region, URI endpoint, Boolean pathStyle, Duration retention,
                     String accessKeyId, String secretAccessKey) {

        public S3 {
            prefix = prefix == null ? "" : prefix;
            region = region == null || region.isBlank() ? "us-east-1" : region;
            pathStyle = pathStyle != null && pathStyle;
            retention = retention == null ? S3ObjectLockAnchorTarget.DEFAULT_RETENTION : retention;
        }

        /** Whether the S3 target is configured. */
        public boolean configured() {
            return bucket != null && !bucket.isBlank();
        }

        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", prefix=" + prefix + ", region=" + region + ", endpoint=" + endpoint
                    + ", pathStyle=" + pathStyle + ", retention=" + retention + ", accessKeyId="
                    + (accessKeyId == null || accessKeyId.isBlank() ? "" : "(set)") + ", secretAccessKey="
                    + (secretAccessKey == null || secretAccessKey.isBlank() ? "" : "(set)") + "]";
        }
    }

    /**
     * {@code cloudwarden.audit.anchor.witness.*}: a c2sp.org/tlog-witness that knows the logs' origins and keys.
     *
     * @param url         the witness's submission prefix; the target is enabled when it is set
     * @param verifierKey the witness's cosignature/v1 verifier key ({@code name+id+base64(0x04 || key)})
     * @param timeout     connect and request timeout
     */
    public record Witness(URI url, String verifierKey, Duration timeout) {

        public Witness {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** Whether the witness target is configured. */
        public boolean configured() {
            return url != null;
        }
    }
}
