package org.qatwb.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.PfGroup;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Severity;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * A device as the dashboard lists it: a PF with its VFs as children.
 *
 * @param device   what {@code adf_ctl status} said; empty for the heading of VFs without a PF
 * @param title    the device name, or that heading
 * @param confPath the conf file the driver reads for it; empty when unknown
 * @param errors   error findings in that file
 * @param warnings other findings in that file
 * @param children a PF's VFs
 */
public record DeviceRow(Optional<QatDevice> device, String title, Optional<String> confPath, int errors, int warnings,
                        List<DeviceRow> children) {

    public DeviceRow {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(confPath, "confPath");
        children = List.copyOf(children);
    }

    public boolean up() {
        return device.map(d -> d.state() == DeviceState.UP).orElse(true);
    }

    /** The rows of a snapshot: one per PF (VFs under it), then the VFs whose PF is not listed. */
    public static List<DeviceRow> of(NasSnapshot s) {
        List<DeviceRow> rows = new ArrayList<>();
        List<QatDevice> devices = s.devices().map(a -> a.devices()).orElse(List.of());
        for (PfGroup g : PfGroup.of(devices)) {
            List<DeviceRow> vfs = new ArrayList<>();
            for (QatDevice vf : g.vfs()) {
                vfs.add(row(s, vf, List.of()));
            }
            rows.add(g.pf().map(pf -> row(s, pf, vfs))
                    .orElseGet(() -> new DeviceRow(Optional.empty(), "VFs of unlisted PFs", Optional.empty(), 0, 0, vfs)));
        }
        return rows;
    }

    private static DeviceRow row(NasSnapshot s, QatDevice d, List<DeviceRow> children) {
        Optional<String> conf = Optional.ofNullable(d.confPath());
        List<Finding> findings = conf.map(s.lintReports()::get).map(FileReport::findings).orElse(List.of());
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new DeviceRow(Optional.of(d), d.name(), conf, errors, findings.size() - errors, children);
    }
}
