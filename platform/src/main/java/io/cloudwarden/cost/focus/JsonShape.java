package io.cloudwarden.cost.focus;

/** A fast allocation-free JSON syntax check (RFC 8259), used for KeyValueFormat on every row. */
final class JsonShape {

    private final String s;
    private int i;

    private JsonShape(String s) {
        this.s = s;
    }

    /** True when {@code s} is exactly one JSON object. */
    static boolean isObject(String s) {
        JsonShape p = new JsonShape(s);
        p.ws();
        if (p.i >= s.length() || s.charAt(p.i) != '{' || !p.value(0)) {
            return false;
        }
        p.ws();
        return p.i == s.length();
    }

    private void ws() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private boolean value(int depth) {
        if (depth > 64) {
            return false;
        }
        ws();
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            ws();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return true;
            }
            while (true) {
                ws();
                if (!string()) {
                    return false;
                }
                ws();
                if (i >= s.length() || s.charAt(i++) != ':' || !value(depth + 1)) {
                    return false;
                }
                ws();
                if (i >= s.length()) {
                    return false;
                }
                char d = s.charAt(i++);
                if (d == '}') {
                    return true;
                }
                if (d != ',') {
                    return false;
                }
            }
        }
        if (c == '[') {
            i++;
            ws();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return true;
            }
            while (true) {
                if (!value(depth + 1)) {
                    return false;
                }
                ws();
                if (i >= s.length()) {
                    return false;
                }
                char d = s.charAt(i++);
                if (d == ']') {
                    return true;
                }
                if (d != ',') {
                    return false;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return true;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return true;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return true;
        }
        return number();
    }

    private boolean string() {
        if (i >= s.length() || s.charAt(i) != '"') {
            return false;
        }
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return true;
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    return false;
                }
                char e = s.charAt(i++);
                if (e == 'u') {
                    if (i + 4 > s.length()) {
                        return false;
                    }
                    i += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            } else if (c < 0x20) {
                return false;
            }
        }
        return false;
    }

    private boolean number() {
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i > start && Character.isDigit(s.charAt(i - 1));
    }
}
