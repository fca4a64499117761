package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceRef;

/** What fits on the device: instances per bank, and one instance section per VF. */
final class CapacityCheck implements FileCheck {

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        Optional<DeviceRef> device = ctx.device();
        if (device.isEmpty() || device.get().banks() == 0) {
            return; // unknown device, or Gen 4 whose ring model differs: nothing reliable to say
        }
        DeviceRef dev = device.get();
        List<ConfSection> withInstances = new ArrayList<>();
        long cy = 0;
        long dc = 0;
        ConfSection lastCy = null;
        ConfSection lastDc = null;
        boolean interrupt = false;
        for (ConfSection s : doc.sections()) {
            if (SectionKind.of(s.name()) == SectionKind.GENERAL) {
                continue;
            }
            int c = Math.max(0, Instances.count(s, InstanceKind.CY));
            int d = Math.max(0, Instances.count(s, InstanceKind.DC));
            if (c + d > 0) {
                withInstances.add(s);
            }
            lastCy = c > 0 ? s : lastCy;
            lastDc = d > 0 ? s : lastDc;
            cy += (long) c * Instances.processes(s);
            dc += (long) d * Instances.processes(s);
            interrupt |= anyInterrupt(s, InstanceKind.CY, c) || anyInterrupt(s, InstanceKind.DC, d);
        }
        if (dev.vf() && withInstances.size() > 1) {
            ConfSection second = withInstances.get(1);
            out.add(Rule.VF_MIXED_SECTIONS, second.firstHeader().number(), second.name(), null, "this VF has instances in "
                    + names(withInstances) + ", but a VF's single bank serves one section: the driver fails with"
                    + " 'Don't have enough rings'; keep instances in one section (KERNEL_QAT for ZFS)");
        }
        Optional<String> services = doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled");
        Optional<CapacityTable.PerBank> perBank = services.flatMap(CapacityTable::perBank);
        if (perBank.isEmpty()) {
            return;
        }
        int banks = dev.banks();
        int maxCy = perBank.get().cy(interrupt) * banks;
        int maxDc = perBank.get().dc(interrupt) * banks;
        // instances of a service that is not enabled are instance.service-disabled, not a capacity matter
        boolean cyOver = cy > maxCy && Services.allowsCy(services.get());
        boolean dcOver = dc > maxDc && Services.allowsDc(services.get());
        if (cyOver || dcOver) {
            InstanceKind kind = cyOver ? InstanceKind.CY : InstanceKind.DC;
            ConfSection at = cyOver ? lastCy : lastDc;
            String what = dev.vf() ? "a " + dev.driverType() + " VF (one bank)" : "a " + dev.driverType() + " PF ("
                    + banks + " banks)";
            out.add(Rule.CAPACITY_EXCEEDED, Instances.countLine(at, kind), at.name(), kind.countKey(), what
                    + " holds at most " + maxCy + " Cy + " + maxDc + " Dc " + (interrupt ? "interrupt-mode" : "polled")
                    + " instances with ServicesEnabled = " + services.get() + ", this file declares " + cy + " Cy + " + dc
                    + " Dc: the restart fails with 'Don't have enough rings for instance'; move instances to another"
                    + (dev.vf() ? " VF" : " device") + " (figures: " + perBank.get().note() + ")");
        }
    }

    /** Whether an instance below the count has IsPolled = 0; walks the keys, not the (maybe huge) count. */
    private static boolean anyInterrupt(ConfSection s, InstanceKind kind, int count) {
        for (ConfLine.Entry e : s.effective().values()) {
            int n = kind.indexOf(e.key());
            if (n >= 0 && n < count && kind.suffixOf(e.key()).equals("IsPolled") && ConfGrammar.number(e.value()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String names(List<ConfSection> sections) {
        List<String> names = new ArrayList<>();
        for (ConfSection s : sections) {
            names.add("[" + s.name() + "]");
        }
        return String.join(" and ", names);
    }
}
