package org.qatwb.app.viewmodel.fleet;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.qatwb.app.usecase.fleet.FleetEntry;
import org.qatwb.app.usecase.fleet.NasGlance;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.zfs.ZfsParam;

/**
 * One NAS of the fleet page: what its latest glance found, as the row shows it. The row stays the
 * same object across refreshes (the table updates cells in place); each glance replaces its values.
 * UI thread only.
 */
public final class FleetRowViewModel {

    /** What a cell says when there is nothing to say (not read, not reachable, not there). */
    public static final String NONE = "—";

    private FleetEntry entry;
    private final RateTracker rates = new RateTracker();
    private final ReadOnlyObjectWrapper<NasGlance> glance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper reach = new ReadOnlyStringWrapper("not read yet");
    private final ReadOnlyObjectWrapper<Tone> reachTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final ReadOnlyStringWrapper devices = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyObjectWrapper<Tone> devicesTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final Map<ZfsParam, ReadOnlyStringWrapper> offload = new EnumMap<>(ZfsParam.class);
    private final Map<ZfsParam, ReadOnlyObjectWrapper<Tone>> offloadTone = new EnumMap<>(ZfsParam.class);
    private final ReadOnlyObjectWrapper<Double> requestsPerSecond = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper requests = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyStringWrapper doctor = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyObjectWrapper<Tone> doctorTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    FleetRowViewModel(FleetEntry entry) {
        this.entry = Objects.requireNonNull(entry, "entry");
        for (ZfsParam p : ZfsParam.values()) {
            offload.put(p, new ReadOnlyStringWrapper(NONE));
            offloadTone.put(p, new ReadOnlyObjectWrapper<>(Tone.NEUTRAL));
        }
    }

    public FleetEntry entry() {
        return entry;
    }

    public String name() {
        return entry.name();
    }

    /** The latest glance; null before the first. */
    public ReadOnlyObjectProperty<NasGlance> glanceProperty() {
        return glance.getReadOnlyProperty();
    }

    /** A read of this NAS is asked for or running. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** "reachable", or why not in a few words. */
    public ReadOnlyStringProperty reachProperty() {
        return reach.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> reachToneProperty() {
        return reachTone.getReadOnlyProperty();
    }

    /** Devices up/total as adf_ctl lists them: "3/3", "no driver", or {@link #NONE}. */
    public ReadOnlyStringProperty devicesProperty() {
        return devices.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> devicesToneProperty() {
        return devicesTone.getReadOnlyProperty();
    }

    /** "on" (ZFS may offload it), "off", or {@link #NONE} where the parameter does not exist. */
    public ReadOnlyStringProperty offloadProperty(ZfsParam p) {
        return offload.get(p).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> offloadToneProperty(ZfsParam p) {
        return offloadTone.get(p).getReadOnlyProperty();
    }

    /** QAT requests per second since the previous glance, all services; null without two samples. */
    public ReadOnlyObjectProperty<Double> requestsPerSecondProperty() {
        return requestsPerSecond.getReadOnlyProperty();
    }

    /** {@link #requestsPerSecondProperty()} as text: "1.2k/s", or {@link #NONE}. */
    public ReadOnlyStringProperty requestsProperty() {
        return requests.getReadOnlyProperty();
    }

    /** The doctor's verdict: "pass", "2 warn", "1 fail · 2 warn", or {@link #NONE}. */
    public ReadOnlyStringProperty doctorProperty() {
        return doctor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> doctorToneProperty() {
        return doctorTone.getReadOnlyProperty();
    }

    /** One line under the row: why it was not reached, or the doctor's first failing link; empty when neither. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Same name, maybe another destination (an edited connection): what was read belongs to the old one. */
    void update(FleetEntry e) {
        if (!e.equals(entry)) {
            entry = e;
            rates.reset();
            clear("not read yet", Tone.NEUTRAL, "");
            glance.set(null);
        }
    }

    void reading() {
        reading.set(true);
        if (glance.get() == null) {
            reach.set("reading…");
        }
    }

    void accept(NasGlance g) {
        reading.set(false);
        glance.set(g);
        if (g instanceof NasGlance.Seen s) {
            seen(s);
        } else if (g instanceof NasGlance.Unreached u) {
            rates.reset();
            clear(u.why().words(), switch (u.why()) {
                case HOST_KEY_UNKNOWN, NEEDS_PASSWORD -> Tone.WARN;
                default -> Tone.BAD;
            }, u.detail());
        }
    }

    private void seen(NasGlance.Seen s) {
        reach.set("reachable");
        reachTone.set(Tone.GOOD);
        if (s.devicesTotal().isPresent()) {
            int up = s.devicesUp().orElse(0);
            int total = s.devicesTotal().getAsInt();
            devices.set(up + "/" + total);
            devicesTone.set(total == 0 || up == 0 ? Tone.BAD : up < total ? Tone.WARN : Tone.GOOD);
        } else {
            devices.set("no driver");
            devicesTone.set(Tone.NEUTRAL);
        }
        for (ZfsParam p : ZfsParam.values()) {
            Boolean on = s.offload().get(p);
            offload.get(p).set(on == null ? NONE : on ? "on" : "off");
            offloadTone.get(p).set(on == null ? Tone.NEUTRAL : on ? Tone.GOOD : Tone.WARN);
        }
        Optional<CounterRates> r;
        if (s.counters().isPresent()) {
            r = rates.next(s.counters().get().uptimeNanos(), s.counters().get().kstat());
        } else {
            rates.reset();
            r = Optional.empty();
        }
        Double total = r.map(FleetRowViewModel::requestRate).orElse(null);
        requestsPerSecond.set(total);
        requests.set(total == null ? NONE : perSecond(total));
        NasGlance.DoctorVerdict v = s.doctor();
        doctor.set(v.fails() == 0 && v.warns() == 0 ? "pass"
                : (v.fails() > 0 ? v.fails() + " fail" : "") + (v.fails() > 0 && v.warns() > 0 ? " · " : "")
                        + (v.warns() > 0 ? v.warns() + " warn" : ""));
        doctorTone.set(v.fails() > 0 ? Tone.BAD : v.warns() > 0 ? Tone.WARN : Tone.GOOD);
        detail.set(v.firstFailure().orElse(""));
    }

    private void clear(String reachWords, Tone tone, String why) {
        reach.set(reachWords);
        reachTone.set(tone);
        devices.set(NONE);
        devicesTone.set(Tone.NEUTRAL);
        for (ZfsParam p : ZfsParam.values()) {
            offload.get(p).set(NONE);
            offloadTone.get(p).set(Tone.NEUTRAL);
        }
        requestsPerSecond.set(null);
        requests.set(NONE);
        doctor.set(NONE);
        doctorTone.set(Tone.NEUTRAL);
        detail.set(why);
    }

    /** Every service's requests: what the card did for ZFS, whichever work it was. */
    private static double requestRate(CounterRates r) {
        double sum = 0;
        for (QatCounter c : new QatCounter[] {QatCounter.COMP_REQUESTS, QatCounter.DECOMP_REQUESTS,
                QatCounter.ENCRYPT_REQUESTS, QatCounter.DECRYPT_REQUESTS, QatCounter.CKSUM_REQUESTS}) {
            sum += r.rate(c).orElse(0.0);
        }
        return sum;
    }

    /** 12/s, 3.4k/s, 1.2M/s. */
    public static String perSecond(double r) {
        if (r >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM/s", r / 1e6);
        }
        if (r >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk/s", r / 1e3);
        }
        return String.format(Locale.ROOT, r >= 10 || r == 0 ? "%.0f/s" : "%.1f/s", r);
    }
}
