package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.storage.S3Clients;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 Object Lock target against S3Mock, run as a child process (see {@link S3MockProcess}). S3Mock ignores
 * the Object Lock headers of PutObject, so the retention it reports comes from the target's read-back and
 * PutObjectRetention; the headers themselves are checked on the recorded HTTP request.
 */
class S3ObjectLockAnchorTargetTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    static final Duration RETENTION = Duration.ofDays(2557);
    static final String LOCKED = "anchors-locked";
    static final String UNLOCKED = "anchors-unlocked";

    static final List<SdkHttpRequest> PUTS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path work;
    static S3MockProcess mock;
    static S3Client s3;

    @BeforeAll
    static void startS3Mock() throws Exception {
        mock = S3MockProcess.start(work);
        s3 = client();
        s3.createBucket(b -> b.bucket(LOCKED).objectLockEnabledForBucket(true));
        s3.createBucket(b -> b.bucket(UNLOCKED));
    }

    @AfterAll
    static void stopS3Mock() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    static S3Client client() {
        return S3Clients.client("us-east-1", mock.endpoint(), true, "test-access-key", "test-secret-key");
    }

    /** A target whose client also records the HTTP requests of its puts. */
    static S3ObjectLockAnchorTarget target(String bucket, String prefix) {
        S3Client recording = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(mock.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key", "test-secret-key")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutObjectRequest) {
                            PUTS.add(context.httpRequest());
                        }
                    }
                }))
                .build();
        return new S3ObjectLockAnchorTarget(recording, bucket, prefix, RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void putsTheNoteUnderComplianceRetentionAndReadsBackTheNewest() {
        TestLog log = new TestLog().append(11);
        try (S3ObjectLockAnchorTarget target = target(LOCKED, "/cloudwarden/audit/")) {
            assertThat(target.id()).isEqualTo("s3://" + LOCKED + "/cloudwarden/audit");
            assertThat(target.latest(log.origin)).isEmpty();

            PUTS.clear();
            AnchorReceipt receipt = target.publish(log.checkpointAt(4));
            assertThat(PUTS).singleElement().satisfies(put -> {
                assertThat(put.firstMatchingHeader("x-amz-object-lock-mode")).contains("COMPLIANCE");
                assertThat(put.firstMatchingHeader("x-amz-object-lock-retain-until-date"))
                        .hasValueSatisfying(d -> assertThat(Instant.parse(d)).isEqualTo(NOW.plus(RETENTION)));
                assertThat(put.firstMatchingHeader("x-amz-sdk-checksum-algorithm")).contains("SHA256");
            });
            target.publish(log.checkpointAt(11));
            target.publish(log.checkpointAt(7));

            String key = "cloudwarden/audit/" + log.origin + "/00000000000000000004.note";
            assertThat(target.keyFor(log.origin, 4)).isEqualTo(key);
            assertThat(receipt.location()).startsWith("s3://" + LOCKED + "/" + key);
            assertThat(receipt.anchoredAt()).isEqualTo(NOW);
            GetObjectRetentionResponse retention = s3.getObjectRetention(b -> b.bucket(LOCKED).key(key));
            assertThat(retention.retention().mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
            assertThat(retention.retention().retainUntilDate().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(NOW.plus(RETENTION));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(LOCKED).key(key)).asUtf8String()).isEqualTo(log.checkpointAt(4).note());

            assertThat(target.latest(log.origin)).contains(log.checkpointAt(11).note());
        }
    }

    @Test
    void republishingIsIdempotentAndADifferentNoteForTheSameSizeIsRefused() {
        TestLog log = new TestLog().append(5);
        try (S3ObjectLockAnchorTarget target = target(LOCKED, "")) {
            target.publish(log.checkpoint());
            AnchorReceipt again = target.publish(log.checkpoint());
            assertThat(again.location()).startsWith("s3://" + LOCKED + "/" + log.origin + "/00000000000000000005.note");

            assertThatThrownBy(() -> target.publish(log.rewrittenAt(0).checkpoint()))
                    .isInstanceOf(AnchorException.class)
                    .hasMessageContaining("already holds a different checkpoint");
            assertThat(target.latest(log.origin)).contains(log.checkpoint().note());
        }
    }

    @Test
    void aBucketWithoutObjectLockIsRefusedAndNothingIsWritten() {
        TestLog log = new TestLog().append(2);
        try (S3ObjectLockAnchorTarget target = target(UNLOCKED, "p")) {
            assertThatThrownBy(() -> target.publish(log.checkpoint()))
                    .isInstanceOf(AnchorException.class)
                    .hasMessageContaining("bucket " + UNLOCKED + " does not have S3 Object Lock enabled");
            assertThat(s3.listObjectsV2(b -> b.bucket(UNLOCKED)).contents()).isEmpty();
        }
    }

    @Test
    void credentialsAreNeverPrintedWithTheSettings() {
        AnchorProperties.S3 settings = new AnchorProperties.S3("b", null, null, null, null, null, "AKIAEXAMPLE", "very-secret");
        assertThat(settings.toString()).doesNotContain("very-secret").doesNotContain("AKIAEXAMPLE");
        assertThatThrownBy(() -> S3Clients.client("us-east-1", null, false, "AKIAEXAMPLE", null))
                .hasMessageContaining("both");
        assertThat(Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock-exec.jar"))).exists();
    }
}
