package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetricsFormatTest {

    @Test
    void openMetricsOnlyWhenAsked() {
        // what Prometheus 2.x sends when it scrapes
        assertEquals(MetricsFormat.OPENMETRICS, MetricsFormat.negotiate("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
        assertEquals(MetricsFormat.OPENMETRICS, MetricsFormat.negotiate("Application/OpenMetrics-Text"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.negotiate("text/plain;version=0.0.4"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.negotiate("*/*"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.negotiate(null));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.negotiate(";;,,\u0000garbage"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.negotiate("application/openmetrics-text;q=0"));
        assertEquals("text/plain; version=0.0.4; charset=utf-8", MetricsFormat.PROMETHEUS_TEXT.contentType());
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", MetricsFormat.OPENMETRICS.contentType());
    }

    @Test
    void aTargetStateRefusesWhatCannotBe() {
        TargetState s = TargetState.starting("a");
        assertEquals(0, s.connects());
        assertEquals(false, s.up());
        assertEquals(2, s.connected().connected().connects());
        assertThrows(IllegalArgumentException.class, () -> TargetState.starting(" "));
        assertThrows(IllegalArgumentException.class, () -> new TargetState("a", true, -1, OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new TargetState("a", true, 0, OptionalLong.empty(),
                Optional.empty(), OptionalLong.of(1), Optional.empty(), OptionalLong.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new TargetState("a", true, 0, OptionalLong.of(-1),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty()));
    }

    @Test
    void familyNamesFollowPrometheusNaming() {
        for (MetricFamily f : MetricFamily.values()) {
            String n = f.metricName();
            assertEquals(true, n.matches("qatwb_[a-z_]+"), n);
            assertEquals(f.type() == MetricType.COUNTER, n.endsWith("_total"), n);
            assertEquals(f.type() == MetricType.INFO, n.endsWith("_info"), n);
            f.unit().ifPresent(u -> assertEquals(true, f.openMetricsName().endsWith("_" + u), n));
            assertEquals(false, f.help().contains("\\") || f.help().contains("\"") || f.help().contains("\n"), n);
        }
    }
}
