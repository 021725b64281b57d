package io.cloudwarden.cost.ingest;

/**
 * A small hand-written reader for the tag text cost exports carry, written for the ingestion hot path (no regex,
 * no JSON tree): a flat JSON object, also without its outer braces as Azure writes it ({@code "env": "prod","team":
 * "web"}), and a GCP label list ({@code [{"key": "env", "value": "prod"}]}, in CSV exports also as a Python
 * literal with single quotes, {@code True}/{@code None}). Values are kept as JSON tokens (a quoted string, a
 * number, {@code true}, {@code false} or {@code null}); nested objects or arrays as values are refused
 * (FOCUS KeyValueFormat allows none). Malformed text throws {@link Malformed} naming what and where.
 */
final class TagText {

    /** The text is not a tag object or label list; the message says what was expected where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Receives key / JSON-value pairs in text order. */
    @FunctionalInterface
    interface Sink {
        void put(String key, String jsonValue);
    }

    private final String s;
    private final int n;
    private int i;

    private TagText(String s) {
        this.s = s;
        this.n = s.length();
    }

    /** Reads a flat JSON object, braces optional ({@code {}} and blank text give nothing). */
    static void object(String text, Sink out) throws Malformed {
        TagText t = new TagText(text);
        t.ws();
        boolean braced = t.i < t.n && t.s.charAt(t.i) == '{';
        if (braced) {
            t.i++;
        }
        t.members(out, braced ? '}' : (char) 0);
        if (braced) {
            t.expect('}');
        }
        t.ws();
        if (t.i < t.n) {
            throw t.error("text after the end of the tags");
        }
    }

    /** Reads a list of {@code {key, value}} objects; members other than key and value are ignored. */
    static void labelList(String text, Sink out) throws Malformed {
        TagText t = new TagText(text);
        t.ws();
        t.expect('[');
        t.ws();
        if (t.peek() == ']') {
            t.i++;
        } else {
            while (true) {
                t.ws();
                t.expect('{');
                String[] kv = new String[2];
                t.members((k, v) -> {
                    if (k.equals("key")) {
                        kv[0] = v;
                    } else if (k.equals("value")) {
                        kv[1] = v;
                    }
                }, '}');
                t.expect('}');
                if (kv[0] == null || kv[0].charAt(0) != '"') {
                    throw t.error("a label without a text key");
                }
                out.put(unquote(kv[0]), kv[1] == null ? "null" : kv[1]);
                t.ws();
                if (t.peek() == ',') {
                    t.i++;
                    continue;
                }
                t.expect(']');
                break;
            }
        }
        t.ws();
        if (t.i < t.n) {
            throw t.error("text after the end of the label list");
        }
    }

    /** Members {@code key: value} separated by commas, up to {@code end} (0 = end of text); a trailing comma is allowed. */
    private void members(Sink out, char end) throws Malformed {
        while (true) {
            ws();
            if (i >= n || s.charAt(i) == end) {
                return;
            }
            String key = string();
            ws();
            expect(':');
            ws();
            String value = value();
            out.put(key, value);
            ws();
            if (i < n && s.charAt(i) == ',') {
                i++;
            } else if (i < n && s.charAt(i) != end) {
                throw error("',' or the end of the tags");
            }
        }
    }

    private String value() throws Malformed {
        char c = peek();
        if (c == '"' || c == '\'') {
            return quote(string());
        }
        if (c == '{' || c == '[') {
            throw error("a text, number, true, false or null value (tag values cannot be objects or lists)");
        }
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        String word = s.substring(start, i);
        return switch (word) {
            case "true", "True" -> "true";
            case "false", "False" -> "false";
            case "null", "None" -> "null";
            default -> {
                if (!isNumber(word)) {
                    i = start;
                    throw error("a quoted value");
                }
                yield word;
            }
        };
    }

    /** A string in double or single quotes with JSON / Python escapes, unescaped. */
    private String string() throws Malformed {
        char q = peek();
        if (q != '"' && q != '\'') {
            throw error("a quoted key");
        }
        int start = ++i;
        while (i < n && s.charAt(i) != q && s.charAt(i) != '\\') {
            i++;
        }
        if (i < n && s.charAt(i) == q) {
            return s.substring(start, i++);
        }
        StringBuilder b = new StringBuilder(s.length() - start).append(s, start, i);
        while (i < n) {
            char c = s.charAt(i++);
            if (c == q) {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= n) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u', 'x' -> {
                    int len = e == 'u' ? 4 : 2;
                    if (i + len > n) {
                        throw error("a complete \\" + e + " escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s, i, i + len, 16));
                    } catch (NumberFormatException ex) {
                        throw error("hex digits after \\" + e);
                    }
                    i += len;
                }
                default -> b.append(e); // \" \' \\ \/ and anything else stands for itself
            }
        }
        throw new Malformed("unterminated quoted text starting at character " + start);
    }

    private void ws() {
        while (i < n && s.charAt(i) <= ' ') {
            i++;
        }
    }

    private char peek() {
        return i < n ? s.charAt(i) : 0;
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        i++;
    }

    private Malformed error(String expected) {
        return new Malformed("expected " + expected + " at character " + (i + 1)
                + (i < n ? " ('" + s.charAt(i) + "')" : " (end of text)"));
    }

    private static boolean isNumber(String w) {
        if (w.isEmpty()) {
            return false;
        }
        int start = w.charAt(0) == '-' ? 1 : 0;
        if (start == w.length() || !Character.isDigit(w.charAt(start))) {
            return false;
        }
        for (int k = start; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        try {
            Double.parseDouble(w);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code s} as a JSON string token. */
    static String quote(String s) {
        return appendQuoted(new StringBuilder(s.length() + 2), s).toString();
    }

    /** The text of a JSON string token made by {@link #quote}. */
    static String unquote(String token) {
        if (token.indexOf('\\') < 0) {
            return token.substring(1, token.length() - 1);
        }
        try {
            return new TagText(token).string();
        } catch (Malformed e) {
            throw new IllegalStateException(e); // quote() never writes such a token
        }
    }

    static StringBuilder appendQuoted(StringBuilder b, String s) {
        b.append('"');
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\t' -> b.append("\\t");
                    case '\r' -> b.append("\\r");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    default -> b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                }
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }
}
