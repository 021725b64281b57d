package io.cloudwarden.evidence.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the canonical (RFC 8785) bytes of an entry, as docs/evidence/formats.md defines them. */
final class EntryCodec {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EntryCodec() {
    }

    /** Entry times are kept to the millisecond, so the stored column and the hashed text agree. */
    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    static String timestamp(Instant time) {
        return TIMESTAMP.format(truncate(time));
    }

    /** The details as JSON text (for the intake table). */
    static String detailsJson(Map<String, Object> details) {
        return JSON.writeValueAsString(details == null ? Map.of() : details);
    }

    static byte[] encode(long index, AuditRecord record, String detailsJson) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("index", index);
        entry.put("timestamp", timestamp(record.occurredAt()));
        entry.put("tenant", record.tenant().toString());
        entry.put("actor", record.actor());
        entry.put("action", record.action());
        entry.put("outcome", record.outcome().wireName());
        if (record.target() != null) {
            entry.put("target", record.target());
        }
        if (record.sourceIp() != null) {
            entry.put("sourceIp", record.sourceIp());
        }
        JsonNode details = JSON.readTree(detailsJson);
        if (details.isObject() && !details.isEmpty()) {
            entry.set("details", details);
        }
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(entry)).getEncodedString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit entry could not be canonicalized", e);
        }
    }
}
