package io.cloudwarden.connector.simulator;

/**
 * A minimal streaming JSON writer into a {@link StringBuilder}: the simulator emits hundreds of thousands of
 * documents per second, and a hand-rolled writer keeps the bytes stable and the allocation low. Commas are
 * inserted automatically; callers only open, write fields and close.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(768);
    private boolean needComma;

    JsonWriter beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    JsonWriter beginObject(String key) {
        key(key);
        out.append('{');
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    JsonWriter beginArray(String key) {
        key(key);
        out.append('[');
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    JsonWriter str(String key, String value) {
        key(key);
        quote(value);
        needComma = true;
        return this;
    }

    JsonWriter num(String key, long value) {
        key(key);
        out.append(value);
        needComma = true;
        return this;
    }

    JsonWriter bool(String key, boolean value) {
        key(key);
        out.append(value);
        needComma = true;
        return this;
    }

    /** An array element that is a string. */
    JsonWriter value(String value) {
        comma();
        quote(value);
        needComma = true;
        return this;
    }

    JsonWriter stringArray(String key, String... values) {
        beginArray(key);
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void key(String key) {
        comma();
        quote(key);
        out.append(':');
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
