package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;

/** Links 1, 2 and 6: the driver and its devices ({@code qat.driver}, {@code qat.devices-up}). */
final class DriverChecks {

    static final String DRIVER_BUILD = "./configure --enable-kapi --enable-icp-sriov=host && make && make install";

    private DriverChecks() {
    }

    static CheckResult driver(CheckContext c) {
        Check self = Check.QAT_DRIVER;
        NasSnapshot s = c.snapshot();
        if (c.absent("adf_status")) {
            return CheckResult.fail(self, "no adf_ctl: Intel's out-of-tree QAT 1.x driver is not installed (ZFS never uses"
                    + " the in-kernel qat drivers or qatlib)", new Fix.CommandFix(List.of(DRIVER_BUILD),
                    "in the unpacked QAT 1.x driver package (QAT.L.4.x): build it with the kernel API and host SR-IOV, then"
                            + " start it with systemctl start qat"));
        }
        if (s.devices().isEmpty()) {
            return CheckResult.warn(self, "adf_ctl is installed but its status could not be used: "
                    + c.unreadable("adf_status").orElse("no answer"));
        }
        List<QatDevice> devices = s.devices().get().devices();
        if (devices.isEmpty()) {
            return qatServiceDown(s)
                    ? CheckResult.pass(self, "adf_ctl is installed; it lists devices once qat.service runs (qat.devices-up)")
                    : CheckResult.fail(self, "adf_ctl lists no QAT device although qat.service is active: is the card"
                            + " seen at all (lspci -d 8086:)?", new Fix.CommandFix(List.of("lspci -nn -d 8086:"),
                            "look for the QuickAssist device; if it is there, see the kernel log for the driver's error"));
        }
        Map<String, Long> types = devices.stream().filter(d -> !d.vf())
                .collect(Collectors.groupingBy(d -> d.type() == null ? "?" : d.type(), LinkedHashMap::new,
                        Collectors.counting()));
        List<DeviceModel> models = devices.stream().map(d -> model(d.type())).flatMap(Optional::stream).distinct().toList();
        String listed = devices.size() + " device(s): " + types.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey() + " PF(s)").collect(Collectors.joining(", "))
                + " (" + models.stream().map(DeviceModel::marketing).collect(Collectors.joining("; ")) + ")";
        if (models.isEmpty()) {
            return CheckResult.warn(self, "adf_ctl lists " + listed + " of types QAT Workbench does not know");
        }
        if (models.stream().noneMatch(DeviceModel::kernelApi)) {
            return CheckResult.fail(self, "adf_ctl lists " + listed + ": Gen 4 devices have no kernel API in most drivers,"
                    + " so ZFS cannot use them (Intel's 4xxx driver adds it only from release 1.2.30)",
                    new Fix.CommandFix(List.of("adf_ctl status"), "use a QAT 1.x card (8950, 8960/8970, C62x) or a 4xxx"
                            + " driver release with the kernel API"));
        }
        return CheckResult.pass(self, "Intel's QAT driver is installed; adf_ctl lists " + listed);
    }

    static CheckResult devicesUp(CheckContext c) {
        Check self = Check.QAT_DEVICES_UP;
        NasSnapshot s = c.snapshot();
        String after = c.failed(Check.QAT_CONF_VALID) ? " after fixing the conf files (qat.conf-valid)" : "";
        if (qatServiceDown(s)) {
            return CheckResult.fail(self, "qat.service is " + s.qatService().orElse("not running")
                            + ": no device is up and the kernel API is not loaded",
                    new Fix.CommandFix(List.of("systemctl start qat"), "start the QAT service" + after
                            + " (without systemd: /etc/init.d/qat_service start)"));
        }
        if (s.devices().isEmpty()) {
            return CheckResult.skip(self, "adf_ctl status could not be used (qat.driver)");
        }
        List<QatDevice> devices = s.devices().get().devices();
        if (devices.isEmpty()) {
            return CheckResult.fail(self, "adf_ctl lists no device", Restart.qat(s, "start the devices" + after));
        }
        List<QatDevice> down = devices.stream().filter(d -> d.state() == DeviceState.DOWN).toList();
        long vfsListed = devices.stream().filter(QatDevice::vf).count();
        long vfConfs = s.confFiles().keySet().stream().filter(DriverChecks::vfConf).count();
        List<String> details = new ArrayList<>();
        down.forEach(d -> details.add(d.name() + " (" + d.type() + ", " + d.bsf() + ") is down; it reads " + d.confPath()));
        if (!down.isEmpty()) {
            return CheckResult.fail(self, down.size() + " of " + devices.size() + " device(s) down: " + names(down)
                    + (c.failed(Check.QAT_CONF_VALID) ? ": the driver refused their conf files (qat.conf-valid)" : "")
                    + activeAllTheSame(s) + "; " + driverReason(s),
                    Restart.qat(s, "bring the devices up again" + after)).withDetails(details);
        }
        if (vfsListed == 0 && vfConfs > 0) {
            String cause = c.failed(Check.QAT_VF_BLACKLIST) ? "the VFs have no QAT driver (qat.vf-blacklist)"
                    : c.failed(Check.QAT_SRIOV) ? "SR-IOV is off (qat.sriov)"
                    : "the VF driver did not load (modprobe " + vfModules(s) + "; see the kernel log)";
            return CheckResult.fail(self, devices.size() + " PF(s) up but no VF although " + vfConfs
                            + " VF conf file(s) exist: " + cause,
                    Restart.qat(s, "create the VFs once that is fixed"));
        }
        return CheckResult.pass(self, "qat.service " + s.qatService().orElse("(state unknown)") + "; all "
                + devices.size() + " device(s) up" + (vfsListed > 0 ? ", " + vfsListed + " of them VFs" : ""));
    }

    /**
     * Devices down under an active unit is the usual failure, not a contradiction: Intel's
     * {@code qat_service} (case {@code start}) ignores the status of {@code adf_ctl restart} and ends
     * with {@code exit 0}, so the oneshot unit stays active (exited) whatever the driver refused.
     */
    private static String activeAllTheSame(NasSnapshot s) {
        return s.qatService().filter(st -> st.equals("active")).isPresent()
                ? "; qat.service is active all the same: qat_service start ends with exit 0 whatever adf_ctl reports,"
                        + " so the unit's state says nothing about the devices"
                : "";
    }

    /**
     * Why, in the driver's words: the last refusal in the kernel log, and adf_ctl's or qat_service's
     * last in qat.service's journal (DOMAIN.md section 8: each is written in one place only).
     */
    private static String driverReason(NasSnapshot s) {
        Optional<String> kernel = lastProblem(DriverMessage.Origin.KERNEL, s.kernelLog());
        Optional<String> service = lastProblem(DriverMessage.Origin.SERVICE, s.serviceJournal());
        if (kernel.isEmpty() && service.isEmpty()) {
            return "the driver says why in the kernel log (dmesg) and adf_ctl in qat.service's journal (journalctl -u qat)";
        }
        return kernel.map(k -> "the kernel log's last driver refusal: " + k).orElse("")
                + (kernel.isPresent() && service.isPresent() ? "; " : "")
                + service.map(j -> "qat.service's journal's last: " + j).orElse("");
    }

    private static Optional<String> lastProblem(DriverMessage.Origin origin, List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            Optional<DriverMessage> m = DriverMessage.of(origin, line).filter(DriverMessage::problem);
            if (m.isPresent()) {
                return Optional.of(Snippet.quote(m.get().words(line)) + " (" + m.get().meaning() + "; kernel.driver-errors)");
            }
        }
        return Optional.empty();
    }

    /** Whether qat.service is known not to run (a state word other than active). */
    static boolean qatServiceDown(NasSnapshot s) {
        return s.qatService().filter(st -> !st.equals("active")).isPresent();
    }

    private static Optional<DeviceModel> model(String type) {
        return type == null ? Optional.empty() : DeviceRef.of(type).model();
    }

    private static boolean vfConf(String path) {
        return DeviceFileName.of(path).filter(n -> n.device().vf()).isPresent() && KernelInstances.kernelApiFile(path);
    }

    private static String vfModules(NasSnapshot s) {
        return s.confFiles().keySet().stream().map(DeviceFileName::of).flatMap(Optional::stream)
                .map(n -> n.device().model()).flatMap(Optional::stream).map(DeviceModel::vfModule).distinct()
                .collect(Collectors.joining(" "));
    }

    private static String names(List<QatDevice> devices) {
        String all = devices.stream().limit(6).map(QatDevice::name).collect(Collectors.joining(", "));
        return devices.size() > 6 ? all + ", ..." : all;
    }
}
