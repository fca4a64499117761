package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.lint.SectionKind;
import org.qatwb.model.lint.Services;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The {@code [KERNEL_QAT]} instances ZFS can get from the conf files the driver reads (devices
 * with the kernel API), counted per kind: all that are declared, and those ZFS can use (interrupt
 * mode, with their service enabled). Polled ones are the lint's {@code zfs.polled} findings.
 *
 * @param files     the paths of the driver's conf files for devices with the kernel API
 * @param declared  instances declared per kind, as the driver counts them
 * @param usable    interrupt-mode instances per kind whose service the file enables
 * @param polled    each polled instance: its file and the lint finding on its {@code IsPolled} line
 */
record KernelInstances(List<String> files, Map<InstanceKind, Integer> declared, Map<InstanceKind, Integer> usable,
                       List<Polled> polled) {

    /** A polled instance, which ZFS never services. */
    record Polled(String path, Finding finding) {
    }

    KernelInstances {
        files = List.copyOf(files);
        declared = Collections.unmodifiableMap(new EnumMap<>(declared));
        usable = Collections.unmodifiableMap(new EnumMap<>(usable));
        polled = List.copyOf(polled);
    }

    static KernelInstances of(NasSnapshot s) {
        List<String> files = new ArrayList<>();
        Map<InstanceKind, Integer> declared = zero();
        Map<InstanceKind, Integer> usable = zero();
        List<Polled> polled = new ArrayList<>();
        s.confFiles().forEach((path, doc) -> {
            if (!kernelApiFile(path)) {
                return;
            }
            files.add(path);
            Optional<ConfSection> kq = doc.section(SectionKind.KERNEL_QAT_NAME);
            String services = doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled").orElse("");
            for (InstanceKind kind : InstanceKind.values()) {
                int n = kq.map(k -> Math.max(0, k.instanceCount(kind))).orElse(0);
                declared.merge(kind, n, Integer::sum);
                if (kind == InstanceKind.CY ? Services.allowsCy(services) : Services.allowsDc(services)) {
                    usable.merge(kind, kq.map(k -> interrupt(k, kind, n)).orElse(0), Integer::sum);
                }
            }
            FileReport report = s.lintReports().get(path);
            if (report != null) {
                report.findings().stream().filter(f -> f.rule() == Rule.ZFS_POLLED)
                        .forEach(f -> polled.add(new Polled(path, f)));
            }
        });
        return new KernelInstances(files, declared, usable, polled);
    }

    int declared(InstanceKind kind) {
        return declared.get(kind);
    }

    int usable(InstanceKind kind) {
        return usable.get(kind);
    }


    /** Whether the driver reads this file for a device that offers the kernel API (not a template, not Gen 4). */
    static boolean kernelApiFile(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return DeviceFileName.isDriverFileName(base) && DeviceFileName.of(base).map(DeviceFileName::device)
                .flatMap(DeviceRef::model).map(DeviceModel::kernelApi).orElse(false);
    }

    /** Walks the keys the file holds, not the count it declares (a NAS may declare a million). */
    private static int interrupt(ConfSection kq, InstanceKind kind, int n) {
        int count = 0;
        for (ConfLine.Entry e : kq.effective().values()) {
            int i = kind.indexOf(e.key());
            if (i >= 0 && i < n && e.key().equals(kind.key(i, "IsPolled")) && ConfGrammar.number(e.value()) == 0) {
                count++;
            }
        }
        return count;
    }

    private static Map<InstanceKind, Integer> zero() {
        Map<InstanceKind, Integer> m = new EnumMap<>(InstanceKind.class);
        for (InstanceKind k : InstanceKind.values()) {
            m.put(k, 0);
        }
        return m;
    }
}
