package io.cloudwarden.evidence.verify;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the {@code index} and {@code tenant} of an entry with Jackson's streaming parser: the whole line is
 * tokenised (so it must be one JSON object and nothing else) but no tree is built. Reused for every line; not
 * thread-safe.
 */
final class EntryFields {

    private final JsonFactory factory = new JsonFactory();

    /** The index of the last parsed entry. */
    long index;
    /** The tenant of the last parsed entry. */
    String tenant;

    /**
     * Parses one entry.
     *
     * @return {@code null} when it has an integer {@code index} ≥ 0 and a string {@code tenant} (then in
     *         {@link #index} and {@link #tenant}), else why not
     */
    String parse(byte[] buffer, int offset, int length) {
        index = -1;
        tenant = null;
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), buffer, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("index".equals(name)) {
                    if (index >= 0) {
                        return "index appears twice";
                    }
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || p.getLongValue() < 0) {
                        return "index is not a non-negative integer";
                    }
                    index = p.getLongValue();
                } else if ("tenant".equals(name)) {
                    if (tenant != null) {
                        return "tenant appears twice";
                    }
                    if (value != JsonToken.VALUE_STRING) {
                        return "tenant is not a string";
                    }
                    tenant = p.getString();
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return "text after the JSON object";
            }
        } catch (JacksonException e) {
            return "not valid JSON (" + e.getOriginalMessage() + ")";
        }
        if (index < 0) {
            return "no index";
        }
        if (tenant == null) {
            return "no tenant";
        }
        return null;
    }
}
