package org.qatwb.model.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.debugfs.FwCounters;
import org.qatwb.model.debugfs.FwCountersParser;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.kstat.RowRates;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.StreamSample;

/**
 * Turns stream samples into history: kstat rates through a {@link RateTracker} (and a fork's other
 * rows through {@link RowRates}, between the same two samples), firmware rates
 * through a {@link FirmwareRateTracker}, both on the NAS's uptime clock, appended to one
 * {@link OffloadHistory}. A sample without uptime or kstat is a gap and starts the kstat rates
 * afresh (as {@code qatwb watch} does); a device whose {@code fw_counters} does not parse is a gap
 * for that device. A refused rate after a usable sample (a reset, or the NAS clock going back)
 * leaves a {@link EventKind#GAP} marker. Not thread safe: the history's thread calls it.
 */
public final class HistoryRecorder {

    private final OffloadHistory history;
    private final RateTracker kstatRates = new RateTracker();
    private final FirmwareRateTracker firmwareRates = new FirmwareRateTracker();
    private boolean haveBase;
    private long lastUptimeNanos;

    public HistoryRecorder(OffloadHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    public OffloadHistory history() {
        return history;
    }

    /**
     * Records one sample.
     *
     * @param epochMillis when it arrived, on the workbench's clock
     */
    public void record(long epochMillis, StreamSample sample) {
        if (sample.uptimeNanos().isEmpty()) {
            restart();
            history.append(epochMillis, Optional.empty());
            return;
        }
        long uptime = sample.uptimeNanos().getAsLong();
        Optional<CounterRates> rates = Optional.empty();
        Map<String, Double> rows = Map.of();
        if (sample.kstat().isEmpty()) {
            kstatRates.reset();
            haveBase = false;
        } else {
            rates = kstatRates.next(uptime, sample.kstat().get());
            rows = kstatRates.rowRates();
            if (haveBase && rates.isEmpty()) {
                history.addEvent(new HistoryEvent(epochMillis, EventKind.GAP, uptime <= lastUptimeNanos
                        ? "the NAS's clock did not move forward: rebooted?" : "QAT counters went down: zfs.ko reloaded?"));
            }
            haveBase = true;
        }
        lastUptimeNanos = uptime;
        history.append(epochMillis, rates, firmwareRates.next(uptime, parsed(sample.fwCounters())), rows);
    }

    /**
     * Marks a reconnect: the next sample has no rate (its base may be from before the connection
     * dropped), and a {@link EventKind#RECONNECT} marker says why the line breaks.
     */
    public void reconnected(long epochMillis) {
        restart();
        history.addEvent(new HistoryEvent(epochMillis, EventKind.RECONNECT, "reconnected to the NAS"));
    }

    private void restart() {
        kstatRates.reset();
        firmwareRates.reset();
        haveBase = false;
    }

    private static Map<String, FwCounters> parsed(Map<String, String> raw) {
        Map<String, FwCounters> devices = new LinkedHashMap<>();
        raw.forEach((device, text) -> {
            try {
                devices.put(device, FwCountersParser.parse(text));
            } catch (ParseException e) {
                // left out: a gap for this device, whose base the tracker then forgets
            }
        });
        return devices;
    }
}
