package io.cloudwarden.connector.spi;

import java.util.Objects;

/**
 * A directed edge from the reporting resource to another resource of the same provider.
 *
 * @param type           the relation, lower-case kebab, from the source's point of view: {@code attached-volume},
 *                       {@code snapshot-of}, {@code in-network}, {@code in-subnet}, {@code security-group},
 *                       {@code network-interface}, {@code public-ip}, {@code created-from-image}, ...
 * @param targetNativeId the target's native id; the target may be reported later in the run, or not at all
 */
public record ResourceRelation(String type, String targetNativeId) {

    public ResourceRelation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetNativeId, "targetNativeId");
    }
}
