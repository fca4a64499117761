package org.qatwb.app.workbench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.PfGroup;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.lint.FileReport;
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

    /**
     * The rows of a snapshot: one per PF (VFs under it), then the VFs whose PF is not listed,
     * then the conf files no listed device reads (a VF that never came up still has its file,
     * and its findings may be why).
     */
    public static List<DeviceRow> of(NasSnapshot s) {
        List<DeviceRow> rows = new ArrayList<>();
        List<QatDevice> devices = s.devices().map(a -> a.devices()).orElse(List.of());
        Set<String> read = new HashSet<>();
        devices.forEach(d -> read.add(d.confPath()));
        List<DeviceRow> unread = new ArrayList<>();
        for (String path : s.confFiles().keySet()) {
            if (!read.contains(path)) {
                unread.add(file(s, path));
            }
        }
        for (PfGroup g : PfGroup.of(devices)) {
            List<DeviceRow> vfs = new ArrayList<>();
            for (QatDevice vf : g.vfs()) {
                vfs.add(row(s, vf, List.of()));
            }
            rows.add(g.pf().map(pf -> row(s, pf, vfs))
                    .orElseGet(() -> new DeviceRow(Optional.empty(), "VFs of unlisted PFs", Optional.empty(), 0, 0, vfs)));
        }
        if (!unread.isEmpty()) {
            int errors = unread.stream().mapToInt(DeviceRow::errors).sum();
            int warnings = unread.stream().mapToInt(DeviceRow::warnings).sum();
            rows.add(new DeviceRow(Optional.empty(), "Other conf files (" + unread.size() + ")",
                    Optional.empty(), errors, warnings, unread));
        }
        return rows;
    }

    private static DeviceRow file(NasSnapshot s, String path) {
        Optional<FileReport> r = Optional.ofNullable(s.lintReports().get(path));
        return new DeviceRow(Optional.empty(), path.substring(path.lastIndexOf('/') + 1), Optional.of(path),
                r.map(FileReport::errors).orElse(0), r.map(FileReport::warnings).orElse(0), List.of());
    }

    private static DeviceRow row(NasSnapshot s, QatDevice d, List<DeviceRow> children) {
        if (d.confPath() == null) {
            return new DeviceRow(Optional.of(d), d.name(), Optional.empty(), 0, 0, children);
        }
        DeviceRow f = file(s, d.confPath());
        return new DeviceRow(Optional.of(d), d.name(), f.confPath(), f.errors(), f.warnings(), children);
    }
}
