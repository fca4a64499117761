/**
 * What {@code qatwb exporter} serves (docs/metrics.md): the {@link org.qatwb.model.metrics.MetricFamily}
 * catalogue, and {@link org.qatwb.model.metrics.ExporterMetrics#render} writing it for many NAS at once,
 * from each one's {@link org.qatwb.model.metrics.TargetState} (its last snapshot, stream tick and doctor's
 * report), as Prometheus text 0.0.4 or OpenMetrics 1.0 ({@link org.qatwb.model.metrics.MetricsFormat}).
 *
 * <p>Pure: no I/O, no clock, no thread. Holding the targets, reading them over SSH and answering
 * HTTP belong to the exporter in the app module; parsing stays in the packages that read each file.
 */
package org.qatwb.model.metrics;
