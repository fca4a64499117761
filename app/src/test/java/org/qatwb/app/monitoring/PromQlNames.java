package org.qatwb.app.monitoring;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The metric names a PromQL expression reads, as the monitoring files' check needs them: every
 * vector selector's name ({@code foo}, {@code foo{a="b"}}, {@code {__name__="foo"}}), and nothing
 * else: not function or aggregation names, keywords, operators, numbers, durations, strings, label
 * names (in matchers and in {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_left}/
 * {@code group_right} lists), nor Grafana's variables ({@code $nas}, {@code ${nas}}, {@code [[nas]]},
 * {@code $__rate_interval}).
 *
 * <p>A scanner, not a full parser: PromQL's lexer (Prometheus's {@code promql/parser/lex.go})
 * decides what an identifier is by what follows it, and so does this: an identifier followed by
 * {@code (} is a function or aggregation, one after {@code by}/{@code on}/... inside the
 * parentheses is a label, the rest that are not keywords are metric names. Brackets (ranges,
 * subqueries, {@code [[var]]}) hold only durations and variables and are skipped whole.
 *
 * @throws IllegalArgumentException (from {@link #of}) for an unterminated string, brace, bracket or parenthesis,
 *                                  so that a broken expression fails the check instead of passing it
 */
final class PromQlNames {

    /** Binary and modifier keywords (lex.go's key map), and the number words; case-insensitive in PromQL. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "bool", "offset",
            "inf", "nan");
    /** Keywords followed by a parenthesised list of label names. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    /** Aggregations: {@code sum by (x) (...)} puts a keyword between the name and its parenthesis. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev",
            "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    private final String q;
    private int i;
    private final Set<String> names = new LinkedHashSet<>();

    private PromQlNames(String expression) {
        this.q = expression;
    }

    /** The metric names {@code expression} selects, in order of first appearance. */
    static Set<String> of(String expression) {
        PromQlNames s = new PromQlNames(expression);
        s.scan();
        return s.names;
    }

    private void scan() {
        int depth = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced ')' at " + i + " in: " + q);
                }
                i++;
            } else if (c == '#') {
                skipComment();
            } else if (c == '"' || c == '\'' || c == '`') {
                skipString();
            } else if (c == '{') {
                matchers();
            } else if (c == '[') {
                skipBrackets();
            } else if (c == '$') {
                skipVariable();
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < q.length() && Character.isDigit(q.charAt(i + 1)))) {
                skipNumber();
            } else if (isIdentStart(c)) {
                identifier();
            } else if (c == '}' || c == ']') {
                throw new IllegalArgumentException("unbalanced '" + c + "' at " + i + " in: " + q);
            } else {
                i++;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unterminated '(' in: " + q);
        }
    }

    private void identifier() {
        int start = i;
        while (i < q.length() && isIdentPart(q.charAt(i))) {
            i++;
        }
        String word = q.substring(start, i);
        String lower = word.toLowerCase(Locale.ROOT);
        int next = nextNonSpace(i);
        char after = next < q.length() ? q.charAt(next) : '\0';
        if (LABEL_LISTS.contains(lower)) {
            if (after == '(') {
                i = closing(next, '(', ')') + 1;
            }
        } else if (KEYWORDS.contains(lower)) {
            return;
        } else if (after == '(') {
            return; // a function's or an aggregation's name: its argument list is scanned as usual
        } else if (AGGREGATIONS.contains(lower) && followedByLabelList(next)) {
            return;
        } else {
            names.add(word);
        }
    }

    private boolean followedByLabelList(int at) {
        int end = at;
        while (end < q.length() && isIdentPart(q.charAt(end))) {
            end++;
        }
        String w = q.substring(at, end).toLowerCase(Locale.ROOT);
        return w.equals("by") || w.equals("without");
    }

    /** {@code {...}}: label matchers; only {@code __name__="x"} names a metric (a regex or a negation names none for sure). */
    private void matchers() {
        int end = closing(i, '{', '}');
        String body = q.substring(i + 1, end);
        java.util.regex.Matcher m = NAME_MATCHER.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        i = end + 1;
    }

    private static final java.util.regex.Pattern NAME_MATCHER = java.util.regex.Pattern.compile(
            "(?:^|,)\\s*__name__\\s*=\\s*[\"'`]([a-zA-Z_:][a-zA-Z0-9_:]*)[\"'`]");

    private void skipComment() {
        while (i < q.length() && q.charAt(i) != '\n') {
            i++;
        }
    }

    private void skipString() {
        i = stringEnd(i) + 1;
    }

    /** The index of the closing quote of the string that starts at {@code at}. */
    private int stringEnd(int at) {
        char quote = q.charAt(at);
        int j = at + 1;
        while (j < q.length()) {
            char c = q.charAt(j);
            if (c == '\\' && quote != '`') {
                j += 2;
                continue;
            }
            if (c == quote) {
                return j;
            }
            j++;
        }
        throw new IllegalArgumentException("unterminated string at " + at + " in: " + q);
    }

    private void skipBrackets() {
        i = closing(i, '[', ']') + 1;
    }

    /** {@code $name}, {@code ${name...}}: Grafana's template variables. */
    private void skipVariable() {
        i++;
        if (i < q.length() && q.charAt(i) == '{') {
            int end = q.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated ${ at " + i + " in: " + q);
            }
            i = end + 1;
            return;
        }
        while (i < q.length() && isIdentPart(q.charAt(i))) {
            i++;
        }
    }

    /** Numbers and durations: 2, 0.5, 1e3, 1e-3, 0x1f, 5m, 1h30m. */
    private void skipNumber() {
        int start = i;
        while (i < q.length()) {
            char c = q.charAt(i);
            char before = i > start ? q.charAt(i - 1) : '\0';
            boolean exponentSign = (c == '+' || c == '-') && (before == 'e' || before == 'E')
                    && !q.regionMatches(true, start, "0x", 0, 2);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
    }

    /** The index of the {@code close} that matches the {@code open} at {@code at}, skipping strings. */
    private int closing(int at, char open, char close) {
        int depth = 0;
        int j = at;
        while (j < q.length()) {
            char c = q.charAt(j);
            if (c == '"' || c == '\'' || c == '`') {
                j = stringEnd(j) + 1;
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return j;
            }
            j++;
        }
        throw new IllegalArgumentException("unterminated '" + open + "' at " + at + " in: " + q);
    }

    private int nextNonSpace(int from) {
        int j = from;
        while (j < q.length() && Character.isWhitespace(q.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
