package io.cloudwarden.evidence.anchor;

import java.time.Instant;
import java.util.Optional;

/**
 * What a target answered to a successful publication.
 *
 * @param target      the target's {@link AnchorTarget#id()}
 * @param location    where the checkpoint now is (a file path, an {@code s3://} URL with the object version,
 *                    the witness URL)
 * @param anchoredAt  when it was anchored (for a witness: the cosignature's timestamp)
 * @param cosignature the witness's verified cosignature line(s), or {@code null} for other targets
 */
public record AnchorReceipt(String target, String location, Instant anchoredAt, String cosignature) {

    /** The cosignature, for witness targets. */
    public Optional<String> cosignatureLine() {
        return Optional.ofNullable(cosignature);
    }
}
