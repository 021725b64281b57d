package io.cloudwarden.inventory.persistence;

import java.util.List;
import java.util.Map;

/** Writes the small JSON documents staging needs (tag maps, relation lists) without a JSON library round trip. */
final class JsonText {

    private JsonText() {
    }

    static String object(Map<String, String> map) {
        StringBuilder sb = new StringBuilder(16 + map.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey()).append(':');
            string(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** An array of two-element string arrays. */
    static String pairs(List<String[]> pairs) {
        StringBuilder sb = new StringBuilder(2 + pairs.size() * 64).append('[');
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            string(sb, pairs.get(i)[0]).append(',');
            string(sb, pairs.get(i)[1]).append(']');
        }
        return sb.append(']').toString();
    }

    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append('\uFFFD'); // PostgreSQL jsonb cannot hold \u0000
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
