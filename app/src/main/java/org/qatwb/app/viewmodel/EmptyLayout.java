package org.qatwb.app.viewmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.doctor.Check;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * Why the layout editor has nothing to lay out on this NAS, and what to do about it, one line
 * each: no QAT device at all (no driver, adf_ctl listing none), or only devices of types the
 * device catalog does not model (no ring map, no bank geometry, so no layout can be compiled).
 * Presets and apply are off while it holds; the reason is the doctor's own words for the first
 * link of the driver that fails, so that the Layout tab and the Doctor tab never disagree.
 *
 * @param why  what is missing, from the snapshot
 * @param next what to do next
 */
public record EmptyLayout(String why, String next) {

    /** The doctor's checks that say why no device is listed, in the chain's order. */
    private static final List<Check> DRIVER_LINKS = List.of(Check.QAT_DRIVER, Check.QAT_DEVICES_UP);

    public EmptyLayout {
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(next, "next");
    }

    /** Empty when the layout has a device the editor models. */
    public static Optional<EmptyLayout> of(NasSnapshot s, Layout l) {
        if (l.devices().stream().anyMatch(EmptyLayout::modelled)) {
            return Optional.empty();
        }
        if (!l.devices().isEmpty()) {
            String types = l.devices().stream().map(d -> d.key().type()).distinct().collect(Collectors.joining(", "));
            return Optional.of(new EmptyLayout("The layout editor does not model this NAS's QAT devices (" + types
                    + "): it knows no ring map or bank geometry for them, so it cannot place their instances.",
                    "Next: edit their conf files by hand (the Doctor tab checks them); devices of a known type ("
                            + DeviceCatalog.all().stream().map(DeviceModel::type).collect(Collectors.joining(", "))
                            + ") appear here once adf_ctl lists them."));
        }
        DoctorReport report = Doctor.examine(s, Optional.empty());
        for (Check c : DRIVER_LINKS) {
            Optional<CheckResult> r = report.result(c).filter(x -> x.status() == CheckStatus.FAIL
                    || x.status() == CheckStatus.WARN);
            if (r.isPresent()) {
                return Optional.of(new EmptyLayout("No QAT device to lay out: " + r.get().message(),
                        r.get().fixSummary().map(f -> "Next: " + f).orElse(NEXT)));
            }
        }
        return Optional.of(new EmptyLayout("No QAT device to lay out: adf_ctl lists none and /etc holds no device's"
                + " conf file.", NEXT));
    }

    private static final String NEXT = "Next: open the Doctor tab; its first failing link says what to install or start.";

    /** Whether a device is one the editor can lay out. */
    private static boolean modelled(Device d) {
        return d.key().device().model().isPresent();
    }
}
