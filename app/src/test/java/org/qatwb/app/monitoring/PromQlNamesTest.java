package org.qatwb.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The extractor is the monitoring check's weak point: a name it misses is never checked, a word it
 * takes for a name fails the check for nothing. Each case below is a PromQL shape the dashboard or
 * the rules use, or one that a later edit may bring.
 */
class PromQlNamesTest {

    static List<Arguments> expressions() {
        return List.of(
                Arguments.of("a plain selector", "qatwb_nas_up", List.of("qatwb_nas_up")),
                Arguments.of("matchers with Grafana's variable and a brace inside a string",
                        "qatwb_nas_up{nas=~\"$nas\", op=\"a}{b\"} == 0", List.of("qatwb_nas_up")),
                Arguments.of("an aggregation with its labels first, a range with Grafana's interval",
                        "sum by (nas, service, op) (rate(qatwb_zfs_qat_requests_total{nas=~\"$nas\"}[$__rate_interval]))",
                        List.of("qatwb_zfs_qat_requests_total")),
                Arguments.of("an aggregation with its labels after, no spaces",
                        "max(foo_total)without(instance,job)/count(bar)by(nas)", List.of("foo_total", "bar")),
                Arguments.of("vector matching: on, ignoring, group_left with and without a list",
                        "a and on (nas) b unless ignoring(x) c * on(nas) group_left(device, bsf) d"
                                + " / on() group_right e",
                        List.of("a", "b", "c", "d", "e")),
                Arguments.of("offset, bool, a subquery with an offset, numbers and a division",
                        "avg_over_time((x_total > bool 0)[12h:10m] offset 1h30m) >= 2 / 3 and y offset -5m < 1e3",
                        List.of("x_total", "y")),
                Arguments.of("the name as a matcher, and a negated name matcher that names nothing",
                        "{__name__=\"named_by_matcher\", job=\"q\"} + {__name__!=\"not_this\"}",
                        List.of("named_by_matcher")),
                Arguments.of("strings as arguments: regexes, a replacement, identifiers inside them",
                        "label_replace(src_metric, \"dst_label\", \"$1\", 'src', `(.*)_not_a_metric`)",
                        List.of("src_metric")),
                Arguments.of("escaped quotes inside a matcher's string",
                        "esc{path=\"a\\\"}b\\\\\"} or esc2", List.of("esc", "esc2")),
                Arguments.of("parameters of topk, quantile, count_values are not names",
                        "topk(3, t1) + quantile(0.9, q1) + count_values(\"v\", c1)", List.of("t1", "q1", "c1")),
                Arguments.of("number words, hex, exponents, keywords in capitals",
                        "n1 > Inf or n2 < -NaN OR n3 == 0x1F AND n4 != 1.5e-3 UNLESS n5 atan2 2",
                        List.of("n1", "n2", "n3", "n4", "n5")),
                Arguments.of("a recording rule's name with colons, and @ with a function",
                        "job:qat_requests:rate5m @ end() - absent(qatwb_exporter_build_info)",
                        List.of("job:qat_requests:rate5m", "qatwb_exporter_build_info")),
                Arguments.of("Grafana's variables in every form, a comment",
                        "rate(v1[${__interval}]) * $scale + rate(v2[[[interval]]]) # not_a_metric here\n + ${other:raw}",
                        List.of("v1", "v2")),
                Arguments.of("histogram_quantile over a bucket sum by le",
                        "histogram_quantile(0.99, sum by (le, nas) (rate(h_bucket[5m])))", List.of("h_bucket")),
                Arguments.of("a metric whose name an aggregation begins, and one that is an aggregation's name",
                        "summary_total + sum(count) + counter", List.of("summary_total", "count", "counter")),
                Arguments.of("a number alone names nothing", "1 - 0.5", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void findsExactlyTheMetricNames(String what, String expression, List<String> expected) {
        assertEquals(List.copyOf(expected), List.copyOf(PromQlNames.of(expression)), expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo{a=\"b\"", "rate(x[5m)", "x{a=\"unterminated}", "x}", "rate(x[${__range)", "sum by (nas) (x", "x)"})
    void aBrokenExpressionIsRefusedRatherThanPassed(String expression) {
        assertThrows(IllegalArgumentException.class, () -> PromQlNames.of(expression));
    }

    @org.junit.jupiter.api.Test
    void namesComeOnceInTheirOrder() {
        assertEquals(List.of("b", "a"), List.copyOf(PromQlNames.of("b + a + b")));
        assertEquals(Set.of(), PromQlNames.of(""));
    }
}
