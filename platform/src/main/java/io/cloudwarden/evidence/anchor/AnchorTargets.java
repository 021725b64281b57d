package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.storage.S3Clients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The anchor targets configured by {@link AnchorProperties}, closed together on shutdown. */
public final class AnchorTargets implements AutoCloseable {

    private final List<AnchorTarget> all;

    public AnchorTargets(List<AnchorTarget> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Builds the targets that {@code props} configures: the directory ({@code props.directory()}, else
     * {@code defaultDirectory} when not {@code null}), the S3 bucket when a bucket is named, the witness when a
     * URL is given (which then needs its verifier key).
     */
    public static AnchorTargets from(AnchorProperties props, Path defaultDirectory, AnchorStore store, ConsistencyProofs proofs) {
        List<AnchorTarget> targets = new ArrayList<>();
        Path directory = props.directory() != null ? props.directory() : defaultDirectory;
        if (directory != null) {
            targets.add(new DirectoryAnchorTarget(directory));
        }
        AnchorProperties.S3 s3 = props.s3();
        if (s3.configured()) {
            targets.add(new S3ObjectLockAnchorTarget(
                    S3Clients.client(s3.region(), s3.endpoint(), s3.pathStyle(), s3.accessKeyId(), s3.secretAccessKey()),
                    s3.bucket(), s3.prefix(), s3.retention(), Clock.systemUTC()));
        }
        AnchorProperties.Witness witness = props.witness();
        if (witness.configured()) {
            if (witness.verifierKey() == null || witness.verifierKey().isBlank()) {
                throw new IllegalStateException("cloudwarden.audit.anchor.witness.verifier-key is required with a witness URL");
            }
            CosignerKey key;
            try {
                key = CosignerKey.parse(witness.verifierKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cloudwarden.audit.anchor.witness.verifier-key: " + e.getMessage());
            }
            targets.add(new WitnessAnchorTarget(witness.url(), key, proofs, store, witness.timeout()));
        }
        return new AnchorTargets(targets);
    }

    /** Every configured target, in configuration order. */
    public List<AnchorTarget> all() {
        return all;
    }

    @Override
    public void close() throws Exception {
        for (AnchorTarget target : all) {
            if (target instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
