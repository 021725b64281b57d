package io.cloudwarden.cost.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Normalisation of source text to the FocusRow forms: plain decimal strings and ISO-8601 UTC datetimes.
 * Fast paths avoid BigDecimal and java.time for the common already-normal shapes.
 */
final class Values {

    private Values() {
    }

    /** True for the spellings of null that cost exports use. */
    static boolean isNull(String s) {
        if (s == null) {
            return true;
        }
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (n == 4 && (s.equals("NULL") || s.equals("null") || s.equals("None"))) {
            return true;
        }
        return n <= 3 && s.isBlank() || n == 3 && s.equals("nan");
    }

    /** A plain decimal string, or throws {@link IllegalArgumentException}. */
    static String decimal(String s) {
        s = s.strip();
        if (isPlainDecimal(s)) {
            return s.charAt(0) == '+' ? s.substring(1) : s;
        }
        try {
            return new BigDecimal(s).toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + abbreviate(s) + "'");
        }
    }

    static boolean isPlainDecimal(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
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

    static BigDecimal toBigDecimal(String s) {
        return new BigDecimal(decimal(s));
    }

    /**
     * A datetime in ISO 8601 UTC ({@code 2024-09-01T00:00:00Z}). Accepts {@code yyyy-MM-dd[ T]HH:mm[:ss[.f]]}
     * with an optional {@code Z} or offset (no zone = UTC), dates alone, {@code M/d/yyyy} and {@code yyyyMM}.
     */
    static String datetime(String s) {
        String fast = fastDateTime(s);
        return fast != null ? fast : format(parseDateTime(s));
    }

    /** {@code yyyy-MM-dd HH:mm:ss} or {@code yyyy-MM-ddTHH:mm:ss[Z]} with valid fields, rewritten without parsing. */
    private static String fastDateTime(String s) {
        int n = s.length();
        if (n != 19 && !(n == 20 && s.charAt(19) == 'Z')) {
            return null;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        for (int i : DIGITS) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int month = two(s, 5);
        int day = two(s, 8);
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(
                (s.charAt(0) - '0') * 1000 + two(s, 2) + (s.charAt(1) - '0') * 100, month).lengthOfMonth()
                || two(s, 11) > 23 || two(s, 14) > 59 || two(s, 17) > 59) {
            return null;
        }
        char[] out = new char[20];
        s.getChars(0, 19, out, 0);
        out[10] = 'T';
        out[19] = 'Z';
        return new String(out);
    }

    private static final int[] DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    private static int two(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }

    static LocalDateTime parseDateTime(String raw) {
        String s = raw.strip();
        int n = s.length();
        try {
            if (n == 6 && allDigits(s)) { // yyyyMM (GCP invoice.month)
                return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 4, 6, 10), 1).atStartOfDay();
            }
            if (n >= 8 && s.indexOf('/') > 0) {
                return slashDate(s);
            }
            if (n >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                int y = Integer.parseInt(s, 0, 4, 10);
                int mo = Integer.parseInt(s, 5, 7, 10);
                int d = Integer.parseInt(s, 8, 10, 10);
                if (n == 10) {
                    return LocalDate.of(y, mo, d).atStartOfDay();
                }
                char sep = s.charAt(10);
                if ((sep != 'T' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
                    throw new IllegalArgumentException();
                }
                int h = Integer.parseInt(s, 11, 13, 10);
                int mi = Integer.parseInt(s, 14, 16, 10);
                int sec = 0;
                int nano = 0;
                int i = 16;
                if (i < n && s.charAt(i) == ':') {
                    sec = Integer.parseInt(s, 17, 19, 10);
                    i = 19;
                    if (i < n && s.charAt(i) == '.') {
                        int start = ++i;
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                        String frac = (s.substring(start, i) + "000000000").substring(0, 9);
                        nano = Integer.parseInt(frac);
                    }
                }
                LocalDateTime t = LocalDateTime.of(y, mo, d, h, mi, sec, nano);
                if (i == n || s.charAt(i) == 'Z' && i == n - 1) {
                    return t;
                }
                ZoneOffset off = ZoneOffset.of(s.substring(i).strip());
                return t.atOffset(off).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a datetime: '" + abbreviate(raw) + "'");
        }
        throw new IllegalArgumentException("not a datetime: '" + abbreviate(raw) + "'");
    }

    private static LocalDateTime slashDate(String s) {
        int sp = s.indexOf(' ');
        String date = sp > 0 ? s.substring(0, sp) : s;
        String[] p = date.split("/");
        if (p.length != 3) {
            throw new DateTimeParseException("bad date", s, 0);
        }
        LocalDate d = p[0].length() == 4
                ? LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]))
                : LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        if (sp < 0) {
            return d.atStartOfDay();
        }
        return parseDateTime(d + "T" + s.substring(sp + 1).strip());
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ISO 8601 UTC with seconds and a {@code Z}, fraction only when non-zero. */
    static String format(LocalDateTime t) {
        if (t.getNano() != 0) {
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        StringBuilder b = new StringBuilder(20);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
