package org.qatwb.model.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The little JSON the workbench meets on a NAS: TrueNAS's {@code midclt} answers (RFC 8259). Values
 * are plain Java: {@code Map<String, Object>} (insertion order), {@code List<Object>}, {@code String},
 * {@code Long} (or {@code Double} for a number with a fraction, an exponent or beyond 64 bits),
 * {@code Boolean}, and {@code null}. Written the way Python's {@code json.dumps} writes it
 * ({@code ", "} and {@code ": "} between items), which is how {@code midclt} prints.
 */
public final class Json {

    /** Nesting deeper than this is refused rather than risking the stack. */
    static final int MAX_DEPTH = 64;

    /**
     * Values in one answer at most: midclt's answers here are a few objects, while a few bytes per
     * value ({@code [{},{},...]}) would cost the client an object each.
     */
    static final int MAX_VALUES = 65536;

    private final String text;
    private int at;
    private int values;

    private Json(String text) {
        this.text = text;
    }

    /** Reads one JSON value, with nothing but white space around it. */
    public static Object parse(String text) throws ParseException {
        Json p = new Json(text);
        p.blank();
        Object v = p.value(0);
        p.blank();
        if (p.at != text.length()) {
            throw p.error("unexpected " + Snippet.quote(text.substring(p.at, Math.min(text.length(), p.at + 20)))
                    + " after the value");
        }
        return v;
    }

    private Object value(int depth) throws ParseException {
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep");
        }
        if (++values > MAX_VALUES) {
            throw error("more than " + MAX_VALUES + " values");
        }
        if (at >= text.length()) {
            throw error("ends where a value should be");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + Snippet.quote(String.valueOf(c)));
            }
        };
    }

    private Map<String, Object> object(int depth) throws ParseException {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        blank();
        if (peek() == '}') {
            at++;
            return Collections.unmodifiableMap(m);
        }
        while (true) {
            blank();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            String key = string();
            blank();
            expect(':');
            blank();
            m.put(key, value(depth + 1));
            blank();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return Collections.unmodifiableMap(m);
            }
        }
    }

    private List<Object> array(int depth) throws ParseException {
        List<Object> l = new ArrayList<>();
        at++;
        blank();
        if (peek() == ']') {
            at++;
            return Collections.unmodifiableList(l);
        }
        while (true) {
            blank();
            l.add(value(depth + 1));
            blank();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return Collections.unmodifiableList(l);
            }
        }
    }

    private String string() throws ParseException {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("a bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("a bad escape " + Snippet.quote("\\" + e));
            }
        }
        throw error("a string without its closing quote");
    }

    private Object number() throws ParseException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        digits();
        boolean integral = true;
        if (peek() == '.') {
            at++;
            digits();
            integral = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
            integral = false;
        }
        String n = text.substring(start, at);
        if (integral) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException beyond64Bits) {
                // falls through to a double, as most readers do
            }
        }
        return Double.parseDouble(n);
    }

    private void digits() throws ParseException {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw error("a number without digits");
        }
    }

    private Object word(String w, Object v) throws ParseException {
        if (!text.startsWith(w, at)) {
            throw error("unexpected " + Snippet.quote(text.substring(at, Math.min(text.length(), at + w.length()))));
        }
        at += w.length();
        return v;
    }

    private void blank() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) throws ParseException {
        if (peek() != c) {
            throw error(at < text.length() ? "expected '" + c + "', not " + Snippet.quote(String.valueOf(peek()))
                    : "ends where '" + c + "' should be");
        }
        at++;
    }

    private ParseException error(String message) {
        return new ParseException(0, "JSON at offset " + at + ": " + message);
    }

    // ---- writing -------------------------------------------------------------------------------

    /** {@code value} as Python's {@code json.dumps} writes it (non-ASCII escaped, {@code ", "} and {@code ": "}). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            out.append(quote(s));
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            out.append(v);
        } else if (v instanceof Number n) {
            out.append(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(sep).append(quote(String.valueOf(e.getKey()))).append(": ");
                write(out, e.getValue());
                sep = ", ";
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            String sep = "";
            for (Object o : l) {
                out.append(sep);
                write(out, o);
                sep = ", ";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    /** A JSON string literal; everything outside printable ASCII is a {@code \\u} escape. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
