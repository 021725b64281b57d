package io.cloudwarden.connector.spi;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One cost export file (an S3, Blob or GCS object) as listed by {@link CostExportProvider}. Equality and
 * {@link #toString()} cover the metadata only, never the content.
 *
 * <p>The {@link #fingerprint()} changes whenever the content changes (an S3 ETag, a Blob content MD5, a GCS
 * generation, or a hash of what determines the content), so an unchanged fingerprint lets the platform skip the
 * file. {@link #open()} streams the raw bytes, still compressed as {@link #compression()} says; every call opens
 * a fresh stream that the caller closes.
 */
public final class CostExportFile {

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final String key;
    private final String billingAccountId;
    private final YearMonth billingPeriod;
    private final String format;
    private final String compression;
    private final long sizeBytes;
    private final String fingerprint;
    private final Content content;

    /**
     * @param key              stable key of the file, unique within the connector's listing, e.g. the object key
     *                         {@code focus/123456789012/2025-06/2025-06-14.csv.gz}
     * @param billingAccountId the billing account (payer account, billing account or profile) the costs are billed to
     * @param billingPeriod    the billing period (month) the file belongs to
     * @param format           content schema, one of {@link CostExportFormat} or a connector-specific value
     * @param compression      {@code "gzip"} or {@code "none"}
     * @param sizeBytes        stored size in bytes, or -1 when not known without reading the file
     * @param fingerprint      changes whenever the content changes (ETag, MD5, generation, content hash)
     * @param content          opens the raw bytes
     */
    public CostExportFile(String key, String billingAccountId, YearMonth billingPeriod, String format,
                          String compression, long sizeBytes, String fingerprint, Content content) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key is required");
        }
        if (billingAccountId == null || billingAccountId.isBlank()) {
            throw new IllegalArgumentException("billingAccountId is required for " + key);
        }
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("format is required for " + key);
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint is required for " + key);
        }
        this.key = key;
        this.billingAccountId = billingAccountId;
        this.billingPeriod = Objects.requireNonNull(billingPeriod, "billingPeriod");
        this.format = format;
        this.compression = compression == null ? "none" : compression;
        this.sizeBytes = sizeBytes < 0 ? -1 : sizeBytes;
        this.fingerprint = fingerprint;
        this.content = Objects.requireNonNull(content, "content");
    }

    public String key() {
        return key;
    }

    public String billingAccountId() {
        return billingAccountId;
    }

    public YearMonth billingPeriod() {
        return billingPeriod;
    }

    public String format() {
        return format;
    }

    /** {@code "gzip"} or {@code "none"}. */
    public String compression() {
        return compression;
    }

    /** Stored size in bytes, or -1 when unknown. */
    public long sizeBytes() {
        return sizeBytes;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Opens a new stream of the file's raw (possibly compressed) bytes; the caller closes it.
     *
     * @throws IOException when the object cannot be read
     */
    public InputStream open() throws IOException {
        return content.open();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostExportFile f && key.equals(f.key) && billingAccountId.equals(f.billingAccountId)
                && billingPeriod.equals(f.billingPeriod) && format.equals(f.format) && compression.equals(f.compression)
                && sizeBytes == f.sizeBytes && fingerprint.equals(f.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, fingerprint);
    }

    @Override
    public String toString() {
        return "CostExportFile[" + key + ", " + billingPeriod + ", " + format + ", " + fingerprint + "]";
    }
}
