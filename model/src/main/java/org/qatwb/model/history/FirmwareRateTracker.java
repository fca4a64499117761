package org.qatwb.model.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qatwb.model.debugfs.EngineCounters;
import org.qatwb.model.debugfs.FwCounters;
import org.qatwb.model.kstat.QatKstat;

/**
 * Per-device firmware requests per second, summed over the engines, from successive parsed
 * {@code fw_counters}, with {@link org.qatwb.model.kstat.RateTracker}'s rules: no rate for a
 * device's first sample, none when the NAS's clock did not advance, and none (a gap, never a
 * spike) when any engine's count went down or the engines changed, which is what a device reset
 * or a driver reload looks like. A device missing from a sample loses its base and starts afresh.
 * Not thread safe: one tracker per stream.
 */
public final class FirmwareRateTracker {

    private static final double NANOS_PER_SECOND = 1e9;

    private long lastNanos;
    private Map<String, FwCounters> last = Map.of();

    /**
     * Takes the next sample of every device.
     *
     * @param uptimeNanos the NAS's uptime when the counters were read
     * @param devices     parsed {@code fw_counters} by debugfs directory
     * @return requests/s for every device in {@code devices}, in its order; NaN where there is no rate
     */
    public Map<String, Double> next(long uptimeNanos, Map<String, FwCounters> devices) {
        Objects.requireNonNull(devices, "devices");
        boolean advanced = uptimeNanos > lastNanos;
        double seconds = (uptimeNanos - lastNanos) / NANOS_PER_SECOND;
        Map<String, Double> rates = new LinkedHashMap<>();
        devices.forEach((device, now) -> {
            FwCounters before = advanced ? last.get(device) : null;
            rates.put(device, before == null ? Double.NaN : requestsBetween(before, now) / seconds);
        });
        lastNanos = uptimeNanos;
        last = Map.copyOf(devices);
        return Collections.unmodifiableMap(rates);
    }

    /** Forgets every base: the next sample starts afresh (a gap, e.g. after a reconnect). */
    public void reset() {
        last = Map.of();
    }

    /** Requests received between two readings of one device; NaN when they cannot be compared. */
    static double requestsBetween(FwCounters before, FwCounters now) {
        List<EngineCounters> b = before.engines();
        List<EngineCounters> n = now.engines();
        if (b.size() != n.size()) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < n.size(); i++) {
            long was = b.get(i).requests();
            long is = n.get(i).requests();
            if (b.get(i).ae() != n.get(i).ae() || Long.compareUnsigned(is, was) < 0) return Double.NaN;
            sum += QatKstat.unsignedToDouble(is - was);
        }
        return sum;
    }
}
