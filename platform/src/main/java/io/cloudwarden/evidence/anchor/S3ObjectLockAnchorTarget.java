package io.cloudwarden.evidence.anchor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Anchors into an S3 bucket (or an S3-compatible store) under Object Lock in COMPLIANCE mode: each checkpoint is
 * an object {@code <prefix>/<origin>/<size, 20 digits>.note} that nobody, not even the account's root user,
 * can delete or overwrite before its retain-until date. Before the first write the bucket's Object Lock
 * configuration is checked; a bucket without Object Lock is refused, since objects there could be deleted.
 * Puts carry a SHA-256 checksum, which Object Lock requires of every put with retention, and the retention
 * is read back after each put (and applied with PutObjectRetention on stores that ignore the put's lock
 * headers). An object already present for the size is compared, never replaced.
 */
public final class S3ObjectLockAnchorTarget implements AnchorTarget, AutoCloseable {

    /** Retention when none is configured: seven years, a common audit-record retention. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7 * 365 + 2);

    private static final Pattern NOTE_KEY = Pattern.compile("(\\d{20})\\.note");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Duration retention;
    private final Clock clock;
    private volatile boolean lockVerified;

    /**
     * @param s3        the client (closed with this target)
     * @param bucket    the bucket, created with Object Lock enabled
     * @param prefix    a key prefix without leading or trailing slash, or empty
     * @param retention how long each object stays locked
     * @param clock     the clock retain-until dates are computed from
     */
    public S3ObjectLockAnchorTarget(S3Client s3, String bucket, String prefix, Duration retention, Clock clock) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 anchor target needs a bucket");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the Object Lock retention must be positive");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    /** The object key of the checkpoint of {@code origin} at {@code size}. */
    public String keyFor(String origin, long size) {
        return originPrefix(origin) + AnchorFiles.paddedSize(size) + ".note";
    }

    @Override
    public AnchorReceipt publish(LogCheckpoint checkpoint) {
        requireObjectLock();
        String key = keyFor(checkpoint.origin(), checkpoint.size());
        byte[] content = checkpoint.note().getBytes(StandardCharsets.UTF_8);
        try {
            Optional<ResponseBytes<GetObjectResponse>> existing = get(key);
            if (existing.isPresent()) {
                if (!Arrays.equals(existing.get().asByteArray(), content)) {
                    throw new AnchorException(id() + " already holds a different checkpoint of " + checkpoint.origin()
                            + " at size " + checkpoint.size() + " (" + key + "): the log was rewritten");
                }
                GetObjectResponse meta = existing.get().response();
                return new AnchorReceipt(id(), location(key, meta.versionId()), meta.lastModified(), null);
            }
            Instant now = clock.instant();
            Instant retainUntil = now.plus(retention);
            PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key)
                            .contentType("text/plain; charset=utf-8")
                            .objectLockMode(ObjectLockMode.COMPLIANCE)
                            .objectLockRetainUntilDate(retainUntil)
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256),
                    RequestBody.fromBytes(content));
            ensureRetention(key, put.versionId(), retainUntil);
            return new AnchorReceipt(id(), location(key, put.versionId()), now, null);
        } catch (SdkException e) {
            throw new AnchorException("could not anchor " + checkpoint.origin() + " at size " + checkpoint.size() + " in "
                    + id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> latest(String origin) {
        String originPrefix = originPrefix(origin);
        try {
            Optional<String> newest = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(originPrefix).delimiter("/"))
                    .contents().stream()
                    .map(S3Object::key)
                    .filter(k -> sizeOf(k.substring(originPrefix.length())) >= 0)
                    .max((a, b) -> Long.compare(sizeOf(a.substring(originPrefix.length())), sizeOf(b.substring(originPrefix.length()))));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            return get(newest.get()).map(bytes -> bytes.asString(StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw new AnchorException("could not read " + id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, once, that the bucket has Object Lock enabled.
     *
     * @throws AnchorException when it has not (or the check itself fails; it is tried again next time)
     */
    public void requireObjectLock() {
        if (lockVerified) {
            return;
        }
        ObjectLockConfiguration config;
        try {
            config = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
        } catch (S3Exception e) {
            // S3 answers 404 ObjectLockConfigurationNotFoundError; S3-compatible stores vary (S3Mock: 400
            // InvalidRequest "Bucket is missing Object Lock Configuration")
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if ("ObjectLockConfigurationNotFoundError".equals(code)
                    || ((e.statusCode() == 400 || e.statusCode() == 404) && message.contains("object lock configuration"))) {
                throw noObjectLock();
            }
            throw new AnchorException("could not read the Object Lock configuration of bucket " + bucket + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new AnchorException("could not read the Object Lock configuration of bucket " + bucket + ": " + e.getMessage(), e);
        }
        if (config == null || config.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            throw noObjectLock();
        }
        lockVerified = true;
    }

    /**
     * Reads the new object's retention back. S3 applies it from the put's headers; some S3-compatible stores
     * ignore those headers and only support PutObjectRetention, which is then applied. An object that still
     * does not carry COMPLIANCE retention until at least {@code retainUntil} is an error.
     */
    private void ensureRetention(String key, String versionId, Instant retainUntil) {
        if (!hasRetention(key, versionId, retainUntil)) {
            s3.putObjectRetention(b -> b.bucket(bucket).key(key).versionId(versionId)
                    .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(retainUntil)));
            if (!hasRetention(key, versionId, retainUntil)) {
                throw new AnchorException(id() + " stored " + key + " without COMPLIANCE retention until " + retainUntil);
            }
        }
    }

    private boolean hasRetention(String key, String versionId, Instant retainUntil) {
        try {
            ObjectLockRetention r = s3.getObjectRetention(b -> b.bucket(bucket).key(key).versionId(versionId)).retention();
            return r != null && r.mode() == ObjectLockRetentionMode.COMPLIANCE && r.retainUntilDate() != null
                    && !r.retainUntilDate().isBefore(retainUntil.truncatedTo(ChronoUnit.SECONDS));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 400) {
                return false; // no retention on the object
            }
            throw e;
        }
    }

    private AnchorException noObjectLock() {
        return new AnchorException("bucket " + bucket + " does not have S3 Object Lock enabled: anchored checkpoints there "
                + "could be deleted, so none are written. Use a bucket created with Object Lock enabled.");
    }

    private Optional<ResponseBytes<GetObjectResponse>> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private String originPrefix(String origin) {
        if (origin.isEmpty() || origin.startsWith("/") || origin.endsWith("/") || origin.contains("//")) {
            throw new IllegalArgumentException("origin '" + origin + "' cannot be an S3 key prefix");
        }
        return (prefix.isEmpty() ? "" : prefix + "/") + origin + "/";
    }

    private String location(String key, String versionId) {
        return "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }

    private static long sizeOf(String name) {
        Matcher m = NOTE_KEY.matcher(name);
        try {
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return id();
    }
}
