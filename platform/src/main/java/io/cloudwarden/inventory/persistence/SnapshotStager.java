package io.cloudwarden.inventory.persistence;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.ResourceRelation;
import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.inventory.IngestionProgress;
import io.cloudwarden.shared.persistence.CopyTextWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sink a collector pushes into: encodes every resource as one staging row and streams it to PostgreSQL
 * through {@code COPY}, so nothing but the current buffer is held in memory. Content and relation hashes are
 * computed here, so the merge can tell unchanged resources apart without reading their stored content.
 */
public final class SnapshotStager implements ResourceSink {

    static final String COPY_SQL = "copy inv_stage (seq, native_id, type, name, region, state, tags, tags_raw, config, "
            + "content_hash, relation_hash, relations) from stdin";
    private static final int PROGRESS_EVERY = 10_000;
    private static final byte SEP = 0;

    private final CopyTextWriter out;
    private final CloudProvider provider;
    private final IngestionProgress progress;
    private final MessageDigest digest;
    private long rows;

    SnapshotStager(CopyTextWriter out, CloudProvider provider, IngestionProgress progress) {
        this.out = out;
        this.provider = provider;
        this.progress = progress;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void accept(DiscoveredResource r) {
        if (r.provider() != provider) {
            throw new IllegalArgumentException("resource " + r.nativeId() + " is of provider " + r.provider().wireName()
                    + " but the account is " + provider.wireName());
        }
        TreeMap<String, String> rawTags = new TreeMap<>(r.tags());
        String name = orEmpty(r.name());
        String region = orEmpty(r.region());
        String state = orEmpty(r.state());
        List<String[]> relations = new ArrayList<>(r.relations().size());
        for (ResourceRelation rel : r.relations()) {
            relations.add(new String[] {rel.type(), rel.targetNativeId()});
        }
        try {
            out.number(rows).text(r.nativeId()).text(r.type()).text(name).text(region).text(state)
                    .text(JsonText.object(TagNormalization.normalise(rawTags))).text(JsonText.object(rawTags))
                    .text(r.configurationJson())
                    .text(contentHash(r.type(), name, region, state, rawTags, r.configurationJson()))
                    .text(relationHash(relations)).text(JsonText.pairs(relations));
            out.endRow();
        } catch (SQLException e) {
            throw new StagingFailedException("could not stream resources to the database: " + e.getMessage(), e);
        }
        rows++;
        if (rows % PROGRESS_EVERY == 0) {
            progress.staged(rows);
        }
    }

    CopyTextWriter writer() {
        return out;
    }

    public long rows() {
        return rows;
    }

    private String contentHash(String type, String name, String region, String state, Map<String, String> tags,
                               String config) {
        update(type);
        update(name);
        update(region);
        update(state);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            update(t.getKey());
            update(t.getValue());
        }
        update(config);
        return hex();
    }

    private String relationHash(List<String[]> relations) {
        for (String[] rel : relations) {
            update(rel[0]);
            update(rel[1]);
        }
        return hex();
    }

    private void update(String s) {
        digest.update(s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8));
        digest.update(SEP);
    }

    private String hex() {
        byte[] full = digest.digest();
        return HexFormat.of().formatHex(full, 0, 16);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Writing to the COPY stream failed (the database rejected the data or the connection broke). */
    public static final class StagingFailedException extends RuntimeException {
        StagingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
