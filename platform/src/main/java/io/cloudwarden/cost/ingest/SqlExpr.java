package io.cloudwarden.cost.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The small SQL subset the FOCUS converters' rule tables use in SQL_CONDITION and SQL_QUERY transforms:
 * {@code CASE WHEN cond THEN expr ... ELSE expr END}, conditions with {@code = <> != > < >= <=},
 * {@code IS [NOT] NULL}, {@code LIKE}, {@code AND}, {@code OR}, {@code NOT} and parentheses, expressions
 * with {@code + - * /}, {@code LOWER()}, {@code 'string'} literals, numbers, {@code NULL} and column
 * references ({@code "lineItem/UnblendedCost"} or bare {@code cost_type}). Values are strings (null = SQL
 * NULL); arithmetic and ordering compare numerically. Column references are bound to slots at parse time.
 */
final class SqlExpr {

    /** Reads a slot's value for the row being converted. */
    interface Row {
        String get(int slot);
    }

    /** A compiled expression. */
    interface Expr {
        String eval(Row row);
    }

    /** A compiled condition (SQL three-valued logic collapsed: unknown is false). */
    interface Cond {
        boolean test(Row row);
    }

    private final List<String> tokens;
    private final ToIntFunction<String> slots;
    private int pos;

    private SqlExpr(String text, ToIntFunction<String> slots) {
        this.tokens = tokenize(text);
        this.slots = slots;
    }

    /** Compiles {@code WHEN c THEN e} pairs and a default into one CASE expression. */
    static Expr caseOf(List<String> whenThens, String defaultExpr, ToIntFunction<String> slots) {
        StringBuilder b = new StringBuilder("CASE ");
        for (String wt : whenThens) {
            b.append(wt.strip()).append(' ');
        }
        b.append("ELSE ").append(defaultExpr == null || defaultExpr.isBlank() ? "NULL" : defaultExpr).append(" END");
        return expression(b.toString(), slots);
    }

    /** Compiles one expression. */
    static Expr expression(String text, ToIntFunction<String> slots) {
        SqlExpr p = new SqlExpr(text, slots);
        Expr e = p.expr();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "' in: " + text);
        }
        return e;
    }

    /** Compiles the CASE expression of {@code SELECT *, CASE ... END AS X FROM {{ TABLE_NAME }}}. */
    static Expr selectCase(String sql, ToIntFunction<String> slots) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?is)\\bCASE\\b(.*)\\bEND\\b\\s+AS\\s+\\w+\\s+FROM\\b").matcher(sql);
        if (!m.find()) {
            throw new IllegalArgumentException("SQL_QUERY is not SELECT *, CASE ... END AS column FROM ...: " + sql);
        }
        return expression("CASE " + m.group(1) + " END", slots);
    }

    // ---- parser -------------------------------------------------------------------------------------

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private boolean accept(String keyword) {
        if (peek().equalsIgnoreCase(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String keyword) {
        if (!accept(keyword)) {
            throw new IllegalArgumentException("expected " + keyword + " but found '" + peek() + "' in " + tokens);
        }
    }

    private Cond cond() {
        Cond left = andCond();
        while (accept("OR")) {
            Cond l = left;
            Cond r = andCond();
            left = row -> l.test(row) || r.test(row);
        }
        return left;
    }

    private Cond andCond() {
        Cond left = notCond();
        while (accept("AND")) {
            Cond l = left;
            Cond r = notCond();
            left = row -> l.test(row) && r.test(row);
        }
        return left;
    }

    private Cond notCond() {
        if (accept("NOT")) {
            Cond c = notCond();
            return row -> !c.test(row);
        }
        if (peek().equals("(")) {
            int save = pos;
            try {
                pos++;
                Cond c = cond();
                expect(")");
                String next = peek().toUpperCase(Locale.ROOT);
                if (next.isEmpty() || next.equals("AND") || next.equals("OR") || next.equals("THEN") || next.equals(")")) {
                    return c;
                }
            } catch (IllegalArgumentException notACondition) {
                // a parenthesised expression on the left of a comparison
            }
            pos = save;
        }
        return comparison();
    }

    private Cond comparison() {
        Expr left = expr();
        if (accept("IS")) {
            boolean not = accept("NOT");
            expect("NULL");
            return not ? row -> left.eval(row) != null : row -> left.eval(row) == null;
        }
        if (accept("LIKE")) {
            Expr pattern = expr();
            return row -> {
                String v = left.eval(row);
                String p = pattern.eval(row);
                return v != null && p != null && like(v, p);
            };
        }
        String op = peek();
        if (!List.of("=", "<>", "!=", ">", "<", ">=", "<=").contains(op)) {
            throw new IllegalArgumentException("expected a comparison but found '" + op + "' in " + tokens);
        }
        pos++;
        Expr right = expr();
        return row -> {
            String a = left.eval(row);
            String b = right.eval(row);
            if (a == null || b == null) {
                return false;
            }
            int c = compare(a, b);
            return switch (op) {
                case "=" -> c == 0;
                case "<>", "!=" -> c != 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                case ">=" -> c >= 0;
                default -> c <= 0;
            };
        };
    }

    private Expr expr() {
        Expr left = term();
        while (peek().equals("+") || peek().equals("-")) {
            String op = tokens.get(pos++);
            Expr l = left;
            Expr r = term();
            left = row -> arithmetic(op, l.eval(row), r.eval(row));
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().equals("*") || peek().equals("/")) {
            String op = tokens.get(pos++);
            Expr l = left;
            Expr r = unary();
            left = row -> arithmetic(op, l.eval(row), r.eval(row));
        }
        return left;
    }

    private Expr unary() {
        String t = peek();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("unexpected end of expression " + tokens);
        }
        pos++;
        if (t.equals("(")) {
            Expr e = expr();
            expect(")");
            return e;
        }
        if (t.equalsIgnoreCase("CASE")) {
            List<Cond> whens = new ArrayList<>();
            List<Expr> thens = new ArrayList<>();
            while (accept("WHEN")) {
                whens.add(cond());
                expect("THEN");
                thens.add(expr());
            }
            Expr otherwise = accept("ELSE") ? expr() : row -> null;
            expect("END");
            Cond[] w = whens.toArray(Cond[]::new);
            Expr[] th = thens.toArray(Expr[]::new);
            return row -> {
                for (int i = 0; i < w.length; i++) {
                    if (w[i].test(row)) {
                        return th[i].eval(row);
                    }
                }
                return otherwise.eval(row);
            };
        }
        if (t.equalsIgnoreCase("LOWER") || t.equalsIgnoreCase("UPPER")) {
            expect("(");
            Expr e = expr();
            expect(")");
            boolean lower = t.equalsIgnoreCase("LOWER");
            return row -> {
                String v = e.eval(row);
                return v == null ? null : lower ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
            };
        }
        if (t.equalsIgnoreCase("NULL")) {
            return row -> null;
        }
        if (t.startsWith("'")) {
            String literal = t.substring(1, t.length() - 1).replace("''", "'");
            return row -> literal;
        }
        if (t.startsWith("\"")) {
            int slot = slots.applyAsInt(t.substring(1, t.length() - 1));
            return row -> row.get(slot);
        }
        if (t.equals("-") && Character.isDigit(peek().charAt(0))) {
            String n = "-" + tokens.get(pos++);
            return row -> n;
        }
        if (Character.isDigit(t.charAt(0))) {
            return row -> t;
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            int slot = slots.applyAsInt(t);
            return row -> row.get(slot);
        }
        throw new IllegalArgumentException("unexpected '" + t + "' in " + tokens);
    }

    // ---- semantics ----------------------------------------------------------------------------------

    private static String arithmetic(String op, String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        BigDecimal x = Values.toBigDecimal(a);
        BigDecimal y = Values.toBigDecimal(b);
        BigDecimal r = switch (op) {
            case "+" -> x.add(y);
            case "-" -> x.subtract(y);
            case "*" -> x.multiply(y);
            default -> y.signum() == 0 ? null : x.divide(y, java.math.MathContext.DECIMAL64);
        };
        return r == null ? null : r.toPlainString();
    }

    private static int compare(String a, String b) {
        if (Values.isPlainDecimal(a.strip()) && Values.isPlainDecimal(b.strip())) {
            return new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip()));
        }
        try {
            return new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    static boolean like(String v, String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return v.matches("(?s)" + re);
    }

    // ---- lexer --------------------------------------------------------------------------------------

    static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (s.charAt(j) == c) {
                        if (c == '\'' && j + 1 < n && s.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                if (j >= n) {
                    throw new IllegalArgumentException("unterminated quote in: " + s);
                }
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if (c == '<' || c == '>' || c == '!') {
                if (i + 1 < n && (s.charAt(i + 1) == '=' || c == '<' && s.charAt(i + 1) == '>')) {
                    out.add(s.substring(i, i + 2));
                    i += 2;
                } else {
                    out.add(String.valueOf(c));
                    i++;
                }
            } else if ("=()+-*/,".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '{' || c == '}') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || "_./{}".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' in: " + s);
            }
        }
        return out;
    }
}
