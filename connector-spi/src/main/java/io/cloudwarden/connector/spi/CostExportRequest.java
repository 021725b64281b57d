package io.cloudwarden.connector.spi;

import java.time.YearMonth;
import java.util.Map;

/**
 * Which cost export files to list.
 *
 * @param since            first billing period wanted, or {@code null} for the oldest available
 * @param until            last billing period wanted (inclusive), or {@code null} for the newest available
 * @param seenFingerprints the fingerprint last ingested per {@link CostExportFile#key()}; a listed file whose
 *                         fingerprint is unchanged is left out, so re-listing after a sync yields only new or
 *                         rewritten files (providers rewrite a billing period's files until it is closed)
 */
public record CostExportRequest(YearMonth since, YearMonth until, Map<String, String> seenFingerprints) {

    public CostExportRequest {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
        seenFingerprints = seenFingerprints == null ? Map.of() : Map.copyOf(seenFingerprints);
    }

    /** Every file the provider has, none seen before. */
    public static CostExportRequest everything() {
        return new CostExportRequest(null, null, Map.of());
    }

    /** The files of the billing periods {@code since} to {@code until}, none seen before. */
    public static CostExportRequest periods(YearMonth since, YearMonth until) {
        return new CostExportRequest(since, until, Map.of());
    }

    /** Whether {@code period} lies in the requested range. */
    public boolean covers(YearMonth period) {
        return (since == null || !period.isBefore(since)) && (until == null || !period.isAfter(until));
    }

    /** Whether a file with this key and fingerprint was already ingested unchanged. */
    public boolean alreadySeen(String key, String fingerprint) {
        return fingerprint != null && fingerprint.equals(seenFingerprints.get(key));
    }
}
