package io.cloudwarden.cost.focus;

import java.math.BigDecimal;

/** The FOCUS 1.2 value formats the conformance checks test, as fast allocation-free scans. */
final class FocusFormats {

    private FocusFormats() {
    }

    static boolean numericEquals(String expected, String actual) {
        return isPlainDecimal(expected) && isPlainDecimal(actual) && new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
    }

    static boolean isPlainDecimal(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /** FOCUS DateTimeFormat: ISO 8601 in UTC, {@code YYYY-MM-DDTHH:mm:ssZ} (fraction allowed). */
    static boolean isUtcDateTime(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return n == 20 || s.charAt(19) == '.';
    }

    static boolean isJsonObject(String s) {
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return false;
        }
        return JsonShape.isObject(s);
    }

    /** A loose UnitFormat check: printable, no surrounding blanks, no brackets or control characters. */
    static boolean isUnit(String s) {
        if (s.isEmpty() || !s.strip().equals(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '[' || c == ']' || c == '{' || c == '}') {
                return false;
            }
        }
        return true;
    }
}
