package io.cloudwarden.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Encodes keyset-pagination positions as opaque URL-safe tokens. A cursor is the sort key values of the
 * last row of the previous page, joined with a unit separator and prefixed with a version and a sort
 * fingerprint, so a cursor from one sort order is rejected for another instead of silently misbehaving.
 */
public final class Cursors {

    private static final String SEP = "\u001f";
    private static final String VERSION = "c1";

    private Cursors() {
    }

    /** Encodes the sort fingerprint and the last row's key values. */
    public static String encode(String sortFingerprint, List<String> keyValues) {
        String raw = VERSION + SEP + sortFingerprint + SEP + String.join(SEP, keyValues);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor produced by {@link #encode} for the same sort.
     *
     * @throws CloudwardenException {@code INVALID_CURSOR} when the token is damaged or from another sort
     */
    public static List<String> decode(String cursor, String sortFingerprint, int expectedValues) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = raw.split(SEP, -1);
        if (parts.length != 2 + expectedValues || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!sortFingerprint.equals(parts[1])) {
            throw new CloudwardenException(CommonErrorCode.INVALID_CURSOR,
                    "the cursor belongs to a different sort order; start again without a cursor");
        }
        return List.of(parts).subList(2, parts.length);
    }

    private static CloudwardenException invalid() {
        return new CloudwardenException(CommonErrorCode.INVALID_CURSOR,
                "the cursor is not valid; use the nextCursor value of a previous page unchanged");
    }
}
