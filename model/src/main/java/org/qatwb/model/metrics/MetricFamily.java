package org.qatwb.model.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The exporter's metrics (docs/metrics.md), in the order they are served. Names and label names
 * are fixed here and never come from a NAS; alert rules and dashboards name them.
 */
public enum MetricFamily {
    NAS_UP("qatwb_nas_up", MetricType.GAUGE, "",
            "1 while the target's stream delivers ticks (the last within 3 intervals), else 0.", "nas"),
    NAS_CONNECTS("qatwb_nas_connects_total", MetricType.COUNTER, "",
            "SSH connections opened to the NAS, the first and every reconnect.", "nas"),
    NAS_SCRAPE_DURATION("qatwb_nas_scrape_duration_seconds", MetricType.GAUGE, "seconds",
            "How long the last full read (the agent's snapshot) of the NAS took.", "nas"),
    NAS_SAMPLE_AGE("qatwb_nas_sample_age_seconds", MetricType.GAUGE, "seconds",
            "Seconds since the last stream tick of the NAS arrived.", "nas"),
    NAS_SNAPSHOT_AGE("qatwb_nas_snapshot_age_seconds", MetricType.GAUGE, "seconds",
            "Seconds since the last snapshot of the NAS was read.", "nas"),
    NAS_INFO("qatwb_nas_info", MetricType.INFO, "",
            "The NAS's OS, QAT driver version and qat.service state, as read (value always 1).",
            "nas", "os", "driver_version", "qat_service"),
    ZFS_QAT_KSTAT_PRESENT("qatwb_zfs_qat_kstat_present", MetricType.GAUGE, "",
            "1 when /proc/spl/kstat/zfs/qat exists (ZFS built with QAT), else 0.", "nas"),
    ZFS_QAT_REQUESTS("qatwb_zfs_qat_requests_total", MetricType.COUNTER, "",
            "Requests ZFS sent to QAT, from the zfs/qat kstat (reset when zfs.ko is reloaded).", "nas", "service", "op"),
    ZFS_QAT_INPUT_BYTES("qatwb_zfs_qat_input_bytes_total", MetricType.COUNTER, "bytes",
            "Bytes ZFS sent into QAT, from the zfs/qat kstat's *_total_in_bytes rows.", "nas", "service", "op"),
    ZFS_QAT_OUTPUT_BYTES("qatwb_zfs_qat_output_bytes_total", MetricType.COUNTER, "bytes",
            "Bytes QAT gave back to ZFS, from the zfs/qat kstat's *_total_out_bytes rows.", "nas", "service", "op"),
    ZFS_QAT_FAILURES("qatwb_zfs_qat_failures_total", MetricType.COUNTER, "",
            "QAT requests that failed (ZFS then did the work in software), from the zfs/qat kstat.", "nas", "service"),
    ZFS_QAT_KSTAT_ROW("qatwb_zfs_qat_kstat_row", MetricType.GAUGE, "",
            "Every other numeric row of the zfs/qat kstat (a fork's rows, unknown names), by its name.", "nas", "row"),
    ZFS_QAT_KSTAT_ROWS_DROPPED("qatwb_zfs_qat_kstat_rows_dropped", MetricType.GAUGE, "",
            "Numeric rows of the zfs/qat kstat not served as qatwb_zfs_qat_kstat_row (over the limit, or a repeated"
                    + " name).", "nas"),
    ZFS_QAT_DISABLE("qatwb_zfs_qat_disable", MetricType.GAUGE, "",
            "The value of zfs_qat_<service>_disable: 0 means ZFS may offload the service to QAT.", "nas", "service"),
    ZFS_QAT_KEPT_AFTER_REBOOT("qatwb_zfs_qat_kept_after_reboot", MetricType.GAUGE, "",
            "1 when qatwb's unit or TrueNAS init script sets the parameter to 0 at boot, else 0.", "nas", "service"),
    ZFS_QAT_PARAMETER("qatwb_zfs_qat_parameter", MetricType.GAUGE, "",
            "Every zfs_qat_* module parameter whose value is an integer, OpenZFS's and a fork's own, by its name.",
            "nas", "name"),
    QAT_SERVICE_ACTIVE("qatwb_qat_service_active", MetricType.GAUGE, "",
            "1 when qat.service is active, else 0.", "nas"),
    DEVICE_UP("qatwb_device_up", MetricType.GAUGE, "",
            "1 when adf_ctl status shows the QAT device up, else 0.", "nas", "device", "bsf", "type", "function"),
    FIRMWARE_REQUESTS("qatwb_firmware_requests_total", MetricType.COUNTER, "",
            "Requests the device's firmware received, per acceleration engine (debugfs fw_counters).",
            "nas", "device", "bsf", "engine"),
    FIRMWARE_RESPONSES("qatwb_firmware_responses_total", MetricType.COUNTER, "",
            "Responses the device's firmware sent, per acceleration engine (debugfs fw_counters).",
            "nas", "device", "bsf", "engine"),
    FIRMWARE_RAS_EVENTS("qatwb_firmware_ras_events_total", MetricType.COUNTER, "",
            "RAS (error) events per acceleration engine, where the driver prints them (debugfs fw_counters).",
            "nas", "device", "bsf", "engine"),
    QAT_INTERRUPTS("qatwb_qat_interrupts_total", MetricType.COUNTER, "",
            "QAT interrupts delivered per CPU, summed over the QAT IRQs of /proc/interrupts.", "nas", "cpu"),
    KERNEL_REQUESTS_PENDING("qatwb_kernel_requests_pending_messages", MetricType.GAUGE, "",
            "'requests pending' lines (OpenZFS issue 14463) in the kernel log as last read.", "nas"),
    DOCTOR_CHECK_STATUS("qatwb_doctor_check_status", MetricType.GAUGE, "",
            "1 for the doctor check's current status, 0 for the other three.", "nas", "check", "link", "status"),
    DOCTOR_CHECKS("qatwb_doctor_checks", MetricType.GAUGE, "",
            "How many of the doctor's checks are in each status.", "nas", "status"),
    EXPORTER_BUILD_INFO("qatwb_exporter_build_info", MetricType.INFO, "",
            "The exporter's version (value always 1).", "version"),
    EXPORTER_TARGETS("qatwb_exporter_targets", MetricType.GAUGE, "",
            "Targets the exporter is configured with.");

    private final String metricName;
    private final MetricType type;
    private final String unit;
    private final String help;
    private final List<String> labels;

    MetricFamily(String metricName, MetricType type, String unit, String help, String... labels) {
        this.metricName = metricName;
        this.type = type;
        this.unit = unit;
        this.help = help;
        this.labels = List.of(labels);
    }

    /**
     * The name its samples carry in both formats, and its family name in 0.0.4 text
     * ({@code qatwb_zfs_qat_requests_total}).
     */
    public String metricName() {
        return metricName;
    }

    /** Its name in OpenMetrics's {@code # TYPE}: without a counter's {@code _total} or an info's {@code _info}. */
    public String openMetricsName() {
        return switch (type) {
            case COUNTER -> metricName.substring(0, metricName.length() - "_total".length());
            case INFO -> metricName.substring(0, metricName.length() - "_info".length());
            case GAUGE -> metricName;
        };
    }

    /** A counter's {@code _created} sample name (OpenMetrics only). */
    public String createdName() {
        return openMetricsName() + "_created";
    }

    public MetricType type() {
        return type;
    }

    /** The base unit its name ends with ({@code seconds}, {@code bytes}), for OpenMetrics's {@code # UNIT}. */
    public Optional<String> unit() {
        return unit.isEmpty() ? Optional.empty() : Optional.of(unit);
    }

    /** One sentence: what it counts (plain ASCII, no backslash or quote: it needs no escaping). */
    public String help() {
        return help;
    }

    /** Its label names, in the order written. */
    public List<String> labels() {
        return labels;
    }

    /** Whether the series are per NAS (every family but the exporter's own). */
    public boolean perTarget() {
        return !labels.isEmpty() && labels.get(0).equals("nas");
    }
}
