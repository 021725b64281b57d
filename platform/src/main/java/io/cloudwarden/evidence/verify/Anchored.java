package io.cloudwarden.evidence.verify;

/**
 * A checkpoint read back from an anchor outside the database (an {@code anchors.json} element).
 *
 * @param target     where it was anchored, e.g. a transparency service or object-lock bucket
 * @param note       the signed checkpoint note as anchored
 * @param anchoredAt when it was anchored (RFC 3339), as the anchor reported it
 */
public record Anchored(String target, String note, String anchoredAt) {
}
