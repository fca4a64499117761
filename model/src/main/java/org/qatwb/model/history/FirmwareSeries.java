package org.qatwb.model.history;

import java.util.Objects;

/**
 * One device's firmware requests per second, summed over its engines, from debugfs
 * {@code fw_counters} (DOMAIN.md section 9). Only NASes that expose debugfs (root) have these.
 *
 * @param device the debugfs directory name, e.g. {@code qat_c6xx_0000:3d:00.0}
 */
public record FirmwareSeries(String device) implements Series {

    static final String ID_PREFIX = "fw.";

    public FirmwareSeries {
        Objects.requireNonNull(device, "device");
    }

    /** {@code fw.<device>.requests_per_s}. */
    @Override
    public String id() {
        return ID_PREFIX + device + "." + metric().id();
    }

    @Override
    public String label() {
        return "Firmware requests/s, " + device;
    }

    @Override
    public Metric metric() {
        return Metric.REQUESTS_PER_S;
    }
}
